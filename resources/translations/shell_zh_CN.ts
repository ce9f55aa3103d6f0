<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActivityModel</name>
    <message>
        <source>Time</source>
        <extracomment>Days shown by each choice of the period box.</extracomment>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Clients</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Warehouses and bins</source>
        <translation>仓库与库位</translation>
    </message>
    <message>
        <source>SKUs</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>管理</translation>
    </message>
</context>
<context>
    <name>ChecklistPage</name>
    <message>
        <source>Getting started</source>
        <translation>开始使用</translation>
    </message>
    <message>
        <source>Five steps take a new warehouse from empty to its first orders. Each button opens the screen where the step is done; the list ticks itself off.</source>
        <translation>五个步骤，带新仓库从零走到第一批订单。每个按钮打开完成该步骤的界面；完成后自动打勾。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Add your clients</source>
        <translation>添加客户</translation>
    </message>
    <message>
        <source>The sellers whose goods you store: code, name, contact, currency.</source>
        <translation>在本仓存货的卖家：代码、名称、联系方式、币种。</translation>
    </message>
    <message numerus="yes">
        <source>%n client(s)</source>
        <translation>
            <numerusform>%n 个客户</numerusform>
        </translation>
    </message>
    <message>
        <source>Add their SKUs</source>
        <translation>添加客户的 SKU</translation>
    </message>
    <message>
        <source>By hand or from the seller&apos;s product list (CSV or Excel): names, barcodes, weights and sizes.</source>
        <translation>手工录入，或导入卖家的商品表（CSV 或 Excel）：品名、条码、重量和尺寸。</translation>
    </message>
    <message numerus="yes">
        <source>%n SKU(s)</source>
        <translation>
            <numerusform>%n 个 SKU</numerusform>
        </translation>
    </message>
    <message>
        <source>Set up your bins</source>
        <translation>设置库位</translation>
    </message>
    <message>
        <source>Pick and storage locations, a whole aisle at a time, or from a file; then print their labels.</source>
        <translation>拣货位和存储位，可按整条巷道批量生成或从文件导入，然后打印库位标签。</translation>
    </message>
    <message numerus="yes">
        <source>%n bin(s)</source>
        <translation>
            <numerusform>%n 个库位</numerusform>
        </translation>
    </message>
    <message>
        <source>Receive stock</source>
        <translation>收货入库</translation>
    </message>
    <message>
        <source>On the Inventory screen, scan a bin, a SKU and the count.</source>
        <translation>在“库存”界面扫描库位、SKU 并输入数量。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln unit(s) on hand</source>
        <translation>
            <numerusform>在库 %Ln 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Import the first orders</source>
        <translation>导入第一批订单</translation>
    </message>
    <message>
        <source>On the Orders screen, &quot;Import orders…&quot; takes a seller&apos;s file; or connect a store on the Channels screen.</source>
        <translation>在“订单”界面用“导入订单…”导入卖家的订单文件；或在“渠道”界面连接店铺。</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n 个订单</numerusform>
        </translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>{done} of {total} done</source>
        <translation>已完成 {done}/{total}</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Haicang</source>
        <extracomment>The first screen after sign-in: the getting-started checklist for a real warehouse.</extracomment>
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
        <source>Office</source>
        <translation>办公室</translation>
    </message>
    <message>
        <source>Pack station (opens Pack after sign-in)</source>
        <translation>打包台（登录后打开打包页面）</translation>
    </message>
    <message>
        <source>Picking</source>
        <translation>拣货</translation>
    </message>
    <message>
        <source>Dock (opens Handover after sign-in)</source>
        <translation>装车口（登录后打开“交接”）</translation>
    </message>
    <message>
        <source>Print the label and packing slip as soon as an order is packed</source>
        <translation>订单打包完成后立即打印面单和装箱单</translation>
    </message>
    <message>
        <source>Never on this PC</source>
        <translation>本机不查询</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>How often an office PC asks the carriers where shipped parcels are; pack, pick and dock stations never poll.</source>
        <translation>办公电脑向承运商查询已发运包裹位置的间隔；打包、拣货和交接工作站从不查询。</translation>
    </message>
    <message>
        <source>A parcel handed over this many days ago without a carrier scan is listed as an exception (evidence for a late-scan claim).</source>
        <translation>包裹交接后超过这些天仍无承运商扫描记录，即列为异常（可作为延迟扫描索赔的证据）。</translation>
    </message>
    <message>
        <source>Charge each ended day&apos;s billing on this PC (nightly)</source>
        <translation>本机每晚自动计费（逐日结算已过去的日子）</translation>
    </message>
    <message>
        <source>While it is on, an office PC checks every hour and charges each day that has ended (storage as held when the day is charged); pack, pick and dock stations never do.</source>
        <translation>办公室电脑开机时每小时检查一次，为每个已结束的日子计费（仓储费按计费时的在库量计）；打包台、拣货台和码头电脑从不计费。</translation>
    </message>
    <message>
        <source>Language / 语言</source>
        <translation>语言 / Language</translation>
    </message>
    <message>
        <source>Station name</source>
        <translation>工作站名称</translation>
    </message>
    <message>
        <source>Used as</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Poll tracking every</source>
        <translation>物流跟踪查询间隔</translation>
    </message>
    <message>
        <source>No carrier scan after (days)</source>
        <translation>交接后无扫描异常（天）</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>The station name, printers and scale of this PC are set up by an administrator.</source>
        <translation>本机的工作站名称、打印机和电子秤由管理员设置。</translation>
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
        <source>Dashboard</source>
        <extracomment>The roles that see this screen (the services still check every action).</extracomment>
        <translation>仪表盘</translation>
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
        <source>Inbound</source>
        <translation>入库预报</translation>
    </message>
    <message>
        <source>Receiving</source>
        <translation>收货</translation>
    </message>
    <message>
        <source>Put-away</source>
        <translation>上架</translation>
    </message>
    <message>
        <source>Replenishment</source>
        <translation>补货</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>退货</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>盘点</translation>
    </message>
    <message>
        <source>Waves</source>
        <translation>波次</translation>
    </message>
    <message>
        <source>Picking</source>
        <translation>拣货</translation>
    </message>
    <message>
        <source>Pack station</source>
        <translation>打包台</translation>
    </message>
    <message>
        <source>Handover</source>
        <translation>交接</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>发运</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>计费</translation>
    </message>
    <message>
        <source>Sales by region</source>
        <translation>区域销售</translation>
    </message>
    <message>
        <source>Stock split</source>
        <translation>分仓补货</translation>
    </message>
    <message>
        <source>My work</source>
        <translation>我的工作</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>管理</translation>
    </message>
    <message>
        <source>Getting started</source>
        <translation>开始使用</translation>
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
        <source>Change my &amp;password…</source>
        <translation>修改我的密码(&amp;P)…</translation>
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
        <source>&amp;User guide</source>
        <translation>使用指南(&amp;U)</translation>
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
        <extracomment>Done, but not all of it (e.g. some orders backordered): amber, stays until dismissed.</extracomment>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>MyWorkPage</name>
    <message>
        <source>Order: {status}</source>
        <translation>订单：{status}</translation>
    </message>
    <message>
        <source>Stock: {kind}</source>
        <translation>库存：{kind}</translation>
    </message>
    <message>
        <source>{record}: {action}</source>
        <translation>{record}：{action}</translation>
    </message>
    <message>
        <source>My work</source>
        <translation>我的工作</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n 条记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n packed</source>
        <translation>
            <numerusform>已打包 %n 单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shipped</source>
        <translation>
            <numerusform>已发货 %n 单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n picking started</source>
        <translation>
            <numerusform>开始拣货 %n 单</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing recorded yet in this period. Orders you pick, pack or ship and stock you move appear here.</source>
        <translation>这段时间还没有记录。您拣货、打包、发货的订单和移动的库存会显示在这里。</translation>
    </message>
    <message>
        <source>receipt</source>
        <extracomment>Ledger kinds and audited actions as the page names them.</extracomment>
        <translation>收货</translation>
    </message>
    <message>
        <source>transfer</source>
        <translation>移库</translation>
    </message>
    <message>
        <source>adjustment</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>pick</source>
        <translation>拣货</translation>
    </message>
    <message>
        <source>shipment</source>
        <translation>发货</translation>
    </message>
    <message>
        <source>return</source>
        <translation>退货</translation>
    </message>
    <message>
        <source>created</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>adjusted</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>imported orders</source>
        <translation>导入订单</translation>
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
    <name>TaskRunner</name>
    <message>
        <source>Waiting for another PC to finish writing…</source>
        <translation>正在等待另一台电脑写完数据…</translation>
    </message>
</context>
<context>
    <name>UserGuideDialog</name>
    <message>
        <source>Haicang user guide</source>
        <extracomment>The heading the Chinese half of the guide starts with.</extracomment>
        <translation>海仓使用指南</translation>
    </message>
    <message>
        <source>The user guide could not be opened: {reason}</source>
        <translation>无法打开使用指南：{reason}</translation>
    </message>
</context>
<context>
    <name>Values</name>
    <message>
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>Ground</source>
        <translation>陆运</translation>
    </message>
    <message>
        <source>Expedited</source>
        <translation>加急</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先</translation>
    </message>
    <message>
        <source>Economy</source>
        <translation>经济</translation>
    </message>
    <message>
        <source>Express</source>
        <translation>快递</translation>
    </message>
    <message>
        <source>Next day</source>
        <translation>次日达</translation>
    </message>
    <message>
        <source>Second day</source>
        <translation>两日达</translation>
    </message>
    <message>
        <source>Freight</source>
        <translation>货运</translation>
    </message>
    <message>
        <source>Order file</source>
        <translation>订单文件</translation>
    </message>
    <message>
        <source>Entered by hand</source>
        <translation>手工录入</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>Shopify</source>
        <translation>Shopify</translation>
    </message>
    <message>
        <source>Amazon</source>
        <translation>亚马逊</translation>
    </message>
    <message>
        <source>Walmart</source>
        <translation>沃尔玛</translation>
    </message>
    <message>
        <source>TikTok Shop</source>
        <translation>TikTok Shop</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>SQLite on this PC</source>
        <translation>本机 SQLite</translation>
    </message>
    <message>
        <source>PostgreSQL on {host}</source>
        <translation>{host} 上的 PostgreSQL</translation>
    </message>
    <message>
        <source>{kind} — {url}</source>
        <translation>{kind} — {url}</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Database error: {detail}</source>
        <translation>数据库错误：{detail}</translation>
    </message>
    <message>
        <source>Unexpected error: {detail}</source>
        <translation>意外错误：{detail}</translation>
    </message>
    <message>
        <source>import orders</source>
        <translation>导入订单</translation>
    </message>
    <message>
        <source>create or change orders</source>
        <translation>新建或修改订单</translation>
    </message>
    <message>
        <source>allocate stock to orders</source>
        <translation>为订单分配库存</translation>
    </message>
    <message>
        <source>cancel orders</source>
        <translation>取消订单</translation>
    </message>
    <message>
        <source>hold or release orders</source>
        <translation>暂停或恢复订单</translation>
    </message>
    <message>
        <source>receive stock</source>
        <translation>收货入库</translation>
    </message>
    <message>
        <source>move stock between bins</source>
        <translation>在库位之间移库</translation>
    </message>
    <message>
        <source>adjust stock</source>
        <translation>调整库存</translation>
    </message>
    <message>
        <source>pick orders</source>
        <translation>拣货</translation>
    </message>
    <message>
        <source>pack orders</source>
        <translation>打包</translation>
    </message>
    <message>
        <source>ship orders</source>
        <translation>发货</translation>
    </message>
    <message>
        <source>print labels and documents</source>
        <translation>打印标签和单据</translation>
    </message>
    <message>
        <source>manage stores and sync them</source>
        <translation>管理店铺并同步</translation>
    </message>
    <message>
        <source>manage clients, warehouses, bins and SKUs</source>
        <translation>管理客户、仓库、库位和SKU</translation>
    </message>
    <message>
        <source>manage users</source>
        <translation>管理用户</translation>
    </message>
    <message>
        <source>change settings</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <source>override a weight check</source>
        <translation>放行重量校验</translation>
    </message>
    <message>
        <source>buy and void carrier labels</source>
        <translation>购买和作废承运商面单</translation>
    </message>
    <message>
        <source>manage carrier accounts and shipping rules</source>
        <translation>管理承运商账户和发货规则</translation>
    </message>
    <message>
        <source>stage parcels and hand them to carriers</source>
        <translation>包裹暂存并交接给承运商</translation>
    </message>
    <message>
        <source>put away and replenish stock</source>
        <translation>上架和补货</translation>
    </message>
    <message>
        <source>count stock</source>
        <translation>盘点库存</translation>
    </message>
    <message>
        <source>approve count variances</source>
        <translation>审批盘点差异</translation>
    </message>
    <message>
        <source>receive and grade returns</source>
        <translation>收取并分级退货</translation>
    </message>
    <message>
        <source>manage rate cards, charges and invoices</source>
        <translation>管理费率卡、费用和账单</translation>
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
    <message>
        <source>Settings saved, but not noted in the audit trail: {error}</source>
        <translation>设置已保存，但未能记入操作日志：{error}</translation>
    </message>
</context>
</TS>
