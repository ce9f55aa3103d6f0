<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Haicang</source>
        <translation>欢迎使用海仓</translation>
    </message>
    <message>
        <source>Welcome to Haicang 海仓</source>
        <translation>欢迎使用海仓 Haicang</translation>
    </message>
    <message>
        <source>This database is empty. How would you like to start?</source>
        <translation>这个数据库是空的。您想如何开始？</translation>
    </message>
    <message>
        <source>Set up my warehouse</source>
        <translation>设置我的仓库</translation>
    </message>
    <message>
        <source>Load the demo warehouse</source>
        <translation>载入演示仓库</translation>
    </message>
    <message>
        <source>Create the administrator account and your first warehouse. Clients, SKUs and bins can be added afterwards.</source>
        <translation>创建管理员账户和第一个仓库。客户、SKU 和库位可以之后再添加。</translation>
    </message>
    <message>
        <source>Two warehouses (Los Angeles and New Jersey), three sellers, 300 SKUs and 2,000 orders to try everything out. Takes about half a minute.</source>
        <translation>两个仓库（洛杉矶和新泽西）、三个卖家、300 个 SKU 和 2,000 个订单，可以试用所有功能。大约需要半分钟。</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>First warehouse</source>
        <translation>第一个仓库</translation>
    </message>
    <message>
        <source>e.g. LA1</source>
        <translation>例如 LA1</translation>
    </message>
    <message>
        <source>US-West</source>
        <translation>美西</translation>
    </message>
    <message>
        <source>US-East</source>
        <translation>美东</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Street address</source>
        <translation>街道地址</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>State</source>
        <translation>州</translation>
    </message>
    <message>
        <source>ZIP code</source>
        <translation>邮编</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Building the demo warehouse…</source>
        <translation>正在建立演示仓库…</translation>
    </message>
    <message>
        <source>Creating warehouses, bins, sellers and SKUs…</source>
        <translation>正在创建仓库、库位、客户和 SKU…</translation>
    </message>
    <message>
        <source>Receiving stock into bins…</source>
        <translation>正在将库存收入库位…</translation>
    </message>
    <message>
        <source>Creating orders…</source>
        <translation>正在创建订单…</translation>
    </message>
    <message>
        <source>Reserving stock for orders…</source>
        <translation>正在为订单预留库存…</translation>
    </message>
    <message>
        <source>Demo users: admin, clerk, packer, picker — password {password}</source>
        <translation>演示用户：admin、clerk、packer、picker，密码 {password}</translation>
    </message>
</context>
<context>
    <name>GeneralSection</name>
    <message>
        <source>Language / 语言</source>
        <translation>语言 / Language</translation>
    </message>
    <message>
        <source>Station name</source>
        <translation>工作站名称</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Inventory</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Haicang 海仓 — Warehouse</source>
        <translation>海仓 Haicang — 仓库管理</translation>
    </message>
    <message>
        <source>Database: {kind}</source>
        <translation>数据库：{kind}</translation>
    </message>
    <message>
        <source>Signed in: {name} ({role})</source>
        <translation>当前用户：{name}（{role}）</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Haicang 海仓</source>
        <translation>海仓 Haicang</translation>
    </message>
    <message>
        <source>Station: {name}</source>
        <translation>工作站：{name}</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>clerk</source>
        <translation>文员</translation>
    </message>
    <message>
        <source>packer</source>
        <translation>打包员</translation>
    </message>
    <message>
        <source>picker</source>
        <translation>拣货员</translation>
    </message>
    <message>
        <source>Hai&amp;cang</source>
        <translation>海仓(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Haicang</source>
        <translation>关于海仓(&amp;A)</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <source>About Haicang</source>
        <translation>关于海仓</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Haicang 海仓 {version}&lt;/h3&gt;&lt;p&gt;Order and warehouse management for overseas warehouses.&lt;/p&gt;&lt;p&gt;Database: {db}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;海仓 Haicang {version}&lt;/h3&gt;&lt;p&gt;海外仓订单与仓储管理系统。&lt;/p&gt;&lt;p&gt;数据库：{db}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in — Haicang</source>
        <translation>登录 — 海仓</translation>
    </message>
    <message>
        <source>Haicang 海仓</source>
        <translation>海仓 Haicang</translation>
    </message>
    <message>
        <source>Station {station} · {database}</source>
        <translation>工作站 {station} · {database}</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Something went wrong: {detail}</source>
        <translation>出错了：{detail}</translation>
    </message>
    <message>
        <source>{kind} {key} was not found.</source>
        <translation>未找到{kind} {key}。</translation>
    </message>
    <message>
        <source>{kind} {key} already exists.</source>
        <translation>{kind} {key} 已存在。</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}：{problem}</translation>
    </message>
    <message>
        <source>Order {order} is {state} and cannot become {target}.</source>
        <translation>订单 {order} 当前为 {state}，不能变为 {target}。</translation>
    </message>
    <message>
        <source>Not enough stock of {sku} in bin {bin}: {available} available, {wanted} wanted.</source>
        <translation>库位 {bin} 中 {sku} 库存不足：可用 {available}，需要 {wanted}。</translation>
    </message>
    <message>
        <source>SKU {sku} belongs to client {owner}, not to client {client}.</source>
        <translation>SKU {sku} 属于客户 {owner}，不属于客户 {client}。</translation>
    </message>
    <message>
        <source>Bin {bin} is a {bin_type} bin; its stock cannot be reserved.</source>
        <translation>库位 {bin} 是{bin_type}库位，其库存不能预留。</translation>
    </message>
    <message>
        <source>Bin {bin} is inactive.</source>
        <translation>库位 {bin} 已停用。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>Too many failed sign-ins. Try again in {minutes} minutes.</source>
        <translation>登录失败次数过多。请在 {minutes} 分钟后再试。</translation>
    </message>
    <message>
        <source>Your role ({role}) may not {action}.</source>
        <translation>您的角色（{role}）无权{action}。</translation>
    </message>
    <message>
        <source>This database was written by a newer version of Haicang (schema {found}); this version knows up to {known}. Install the newer version.</source>
        <translation>此数据库由更新版本的海仓写入（结构版本 {found}）；当前版本最高支持 {known}。请安装新版本。</translation>
    </message>
    <message>
        <source>Cannot open the database {url}: {reason}</source>
        <translation>无法打开数据库 {url}：{reason}</translation>
    </message>
    <message>
        <source>{bad} of {total} rows have problems; nothing was imported.</source>
        <translation>{total} 行中有 {bad} 行有问题；未导入任何内容。</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>Warehouse data</source>
        <translation>仓库数据</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>zip</source>
        <translation>邮编</translation>
    </message>
    <message>
        <source>state</source>
        <translation>州</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>to bin</source>
        <translation>目标库位</translation>
    </message>
    <message>
        <source>hold reason</source>
        <translation>挂起原因</translation>
    </message>
    <message>
        <source>client name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>bin code</source>
        <translation>库位代码</translation>
    </message>
    <message>
        <source>warehouse code</source>
        <translation>仓库代码</translation>
    </message>
    <message>
        <source>client code</source>
        <translation>客户代码</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>city</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>不能为负数</translation>
    </message>
    <message>
        <source>must be 1 to 64 characters</source>
        <translation>长度须为 1 到 64 个字符</translation>
    </message>
    <message>
        <source>is the same bin as the source</source>
        <translation>与来源库位相同</translation>
    </message>
    <message>
        <source>the change must be a non-zero whole number</source>
        <translation>调整数量必须是非零整数</translation>
    </message>
    <message>
        <source>use letters, digits, &apos;.&apos; or &apos;_&apos;</source>
        <translation>只能使用字母、数字、“.”或“_”</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新订单</translation>
    </message>
    <message>
        <source>allocated</source>
        <translation>已分配</translation>
    </message>
    <message>
        <source>backordered</source>
        <translation>缺货</translation>
    </message>
    <message>
        <source>on_hold</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <source>picking</source>
        <translation>拣货中</translation>
    </message>
    <message>
        <source>packed</source>
        <translation>已打包</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>in_transit</source>
        <translation>运输中</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>已签收</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>已退货</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>已被他人更改</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>不存在</translation>
    </message>
    <message>
        <source>staging</source>
        <translation>待发区</translation>
    </message>
    <message>
        <source>receiving</source>
        <translation>收货区</translation>
    </message>
    <message>
        <source>returns</source>
        <translation>退货区</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>残损区</translation>
    </message>
    <message>
        <source>carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <source>tracking number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Database error: {detail}</source>
        <translation>数据库错误：{detail}</translation>
    </message>
    <message>
        <source>Unexpected error: {detail}</source>
        <translation>意外错误：{detail}</translation>
    </message>
</context>
<context>
    <name>self.window</name>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>Haicang cannot start</source>
        <translation>海仓无法启动</translation>
    </message>
</context>
</TS>
