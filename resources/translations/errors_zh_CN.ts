<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>errors</name>
    <message>
        <source>Something went wrong: {detail}</source>
        <translation>出错了：{detail}</translation>
    </message>
    <message>
        <source>Printing failed: {reason}</source>
        <translation>打印失败：{reason}</translation>
    </message>
    <message>
        <source>Channel error on {store}: {detail}</source>
        <translation>店铺 {store} 出错：{detail}</translation>
    </message>
    <message>
        <source>Scale error</source>
        <translation>电子秤故障</translation>
    </message>
    <message>
        <source>Cannot use the secret store ({where}): {detail}</source>
        <translation>无法使用密钥存储（{where}）：{detail}</translation>
    </message>
    <message>
        <source>Label {reference} is a ZPL file; it prints only on a ZPL printer, not {language}</source>
        <translation>面单 {reference} 是 ZPL 文件，只能在 ZPL 打印机上打印，不能用 {language}</translation>
    </message>
    <message>
        <source>Reading barcodes from labels needs the zxing-cpp package ({reason})</source>
        <translation>识别面单条码需要安装 zxing-cpp（{reason}）</translation>
    </message>
    <message>
        <source>Printer {target} closed the connection after {sent} of {total} bytes</source>
        <translation>打印机 {target} 在收到 {sent}/{total} 字节后断开了连接</translation>
    </message>
    <message>
        <source>Printer {target} has its cover open</source>
        <translation>打印机 {target} 上盖未关</translation>
    </message>
    <message>
        <source>The document cannot be read: {reason}</source>
        <translation>无法读取文件：{reason}</translation>
    </message>
    <message>
        <source>Invalid printer address &apos;{uri}&apos;: {reason}</source>
        <translation>打印机地址“{uri}”无效：{reason}</translation>
    </message>
    <message>
        <source>Invalid printer settings for &apos;{name}&apos;: {reason}</source>
        <translation>打印机“{name}”的设置无效：{reason}</translation>
    </message>
    <message>
        <source>Cannot read label file {source}: {reason}</source>
        <translation>无法读取面单文件 {source}：{reason}</translation>
    </message>
    <message>
        <source>Cannot lay out the {layout}: {reason}</source>
        <translation>无法排版{layout}：{reason}</translation>
    </message>
    <message>
        <source>Printer {target} is out of paper</source>
        <translation>打印机 {target} 缺纸</translation>
    </message>
    <message>
        <source>Printer {target} is offline or unreachable: {reason}</source>
        <translation>打印机 {target} 离线或无法连接：{reason}</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>无应答</translation>
    </message>
    <message>
        <source>the printer reports itself offline</source>
        <translation>打印机报告处于离线状态</translation>
    </message>
    <message>
        <source>Printer {target} stopped responding for {seconds} s</source>
        <translation>打印机 {target} 已 {seconds} 秒无响应</translation>
    </message>
    <message>
        <source>Cannot use {transport} printers here: {reason}</source>
        <translation>此电脑无法使用 {transport} 打印机：{reason}</translation>
    </message>
    <message>
        <source>Unsupported printer address &apos;{uri}&apos;: use tcp, serial, usb, cups, win32 or file</source>
        <translation>不支持的打印机地址“{uri}”：请使用 tcp、serial、usb、cups、win32 或 file</translation>
    </message>
    <message>
        <source>{platform} rejected the credentials of store {store}: {detail}</source>
        <translation>{platform} 拒绝了店铺 {store} 的凭据：{detail}</translation>
    </message>
    <message>
        <source>{platform} sent an unreadable response for store {store}: {detail}</source>
        <translation>{platform} 对店铺 {store} 返回了无法解析的响应：{detail}</translation>
    </message>
    <message>
        <source>{platform} refused the time of a request from store {store}: check this computer&apos;s date, time and time zone ({detail})</source>
        <translation>{platform} 拒绝了店铺 {store} 请求中的时间：请检查本机的日期、时间和时区（{detail}）</translation>
    </message>
    <message>
        <source>Store {store}: setting {key} is missing or invalid ({detail})</source>
        <translation>店铺 {store}：设置项 {key} 缺失或无效（{detail}）</translation>
    </message>
    <message>
        <source>{platform} returned error {code} for store {store}: {platform_message}</source>
        <translation>{platform} 对店铺 {store} 返回错误 {code}：{platform_message}</translation>
    </message>
    <message>
        <source>{platform} is throttling store {store}; retry in {retry_after} s</source>
        <translation>{platform} 正在限制店铺 {store} 的请求频率；{retry_after} 秒后重试</translation>
    </message>
    <message>
        <source>Sync of store {store} was cancelled</source>
        <translation>店铺 {store} 的同步已取消</translation>
    </message>
    <message>
        <source>{platform} is temporarily unavailable for store {store}: {detail}</source>
        <translation>{platform} 暂时无法为店铺 {store} 提供服务：{detail}</translation>
    </message>
    <message>
        <source>Cannot import {path}: it is an Amazon &quot;All Orders&quot; report, which has no street addresses. In Seller Central open Orders → Order Reports → Unshipped Orders, download that report and import it instead.</source>
        <translation>无法导入 {path}：这是亚马逊的“所有订单”（All Orders）报告，不含街道地址。请在卖家平台打开 订单 → 订单报告 → 未发货订单（Unshipped Orders），下载该报告后再导入。</translation>
    </message>
    <message>
        <source>{path} fits the column presets {presets} of client {client}: choose one (in the import dialog, or with --preset NAME), or delete the one no longer used.</source>
        <translation>{path} 同时符合客户 {client} 的列映射方案 {presets}：请选择其中一个（在导入窗口中选择，或用 --preset 名称），或删除不再使用的方案。</translation>
    </message>
    <message>
        <source>Client {client} already has a column preset &apos;{preset}&apos;: choose another name, or replace it.</source>
        <translation>客户 {client} 已有名为“{preset}”的列映射方案：请换一个名称，或替换原方案。</translation>
    </message>
    <message>
        <source>Column preset &apos;{preset}&apos;: {problem}</source>
        <translation>列映射方案“{preset}”：{problem}</translation>
    </message>
    <message>
        <source>Client {client} has no column preset &apos;{preset}&apos; (its presets: {presets}).</source>
        <translation>客户 {client} 没有名为“{preset}”的列映射方案（现有方案：{presets}）。</translation>
    </message>
    <message>
        <source>{month} is not a month; write YYYY-MM.</source>
        <translation>{month} 不是有效月份，请写成 YYYY-MM。</translation>
    </message>
    <message>
        <source>Invoice {number} does not add up: total {total} but charges {subtotal} + minimum {topup} - credits {credits}.</source>
        <translation>账单 {number} 金额不平：合计 {total}，但费用 {subtotal} + 最低消费 {topup} - 抵扣 {credits} 不等于它。</translation>
    </message>
    <message>
        <source>Invoice {number} for {month} is already issued and cannot change; correct it with a credit on the next invoice.</source>
        <translation>{month} 的账单 {number} 已出账，不能再修改；请在下一期账单中以抵扣方式更正。</translation>
    </message>
    <message>
        <source>Client {client} has no invoice for {month}.</source>
        <translation>客户 {client} 没有 {month} 的账单。</translation>
    </message>
    <message>
        <source>Client {client} has no rate card; set one or copy a template first.</source>
        <translation>客户 {client} 还没有费率卡，请先设置或复制一个模板。</translation>
    </message>
    <message>
        <source>Rate card {kind}: no tier covers {start} to {end}; tiers must leave no gap.</source>
        <translation>费率卡 {kind}：{start} 到 {end} 之间没有阶梯覆盖，阶梯之间不能留空档。</translation>
    </message>
    <message>
        <source>Rate card {kind}: no tier covers {value}.</source>
        <translation>费率卡 {kind}：没有阶梯覆盖 {value}。</translation>
    </message>
    <message>
        <source>Rate card {kind}: tiers overlap from {start} to {end}.</source>
        <translation>费率卡 {kind}：阶梯在 {start} 到 {end} 之间重叠。</translation>
    </message>
    <message>
        <source>{kind} is not a kind of charge; use one of {kinds}.</source>
        <translation>{kind} 不是有效的费用类型，请使用以下之一：{kinds}。</translation>
    </message>
    <message>
        <source>Too many failed sign-ins. Try again in {seconds} s.</source>
        <translation>登录失败次数过多，请 {seconds} 秒后再试。</translation>
    </message>
    <message>
        <source>{kind} {key} already exists.</source>
        <translation>{kind} {key} 已存在。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>Bin {bin} is inactive.</source>
        <translation>库位 {bin} 已停用。</translation>
    </message>
    <message>
        <source>Bin {bin} is a {bin_type} bin; its stock cannot be reserved.</source>
        <translation>库位 {bin} 是{bin_type}库位，其库存不能预留。</translation>
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
        <source>quarantine</source>
        <translation>隔离区</translation>
    </message>
    <message>
        <source>This change conflicts with data saved meanwhile ({constraint}); nothing was saved. Reload and try again.</source>
        <translation>此更改与其他人刚保存的数据冲突（{constraint}），未保存任何内容。请刷新后重试。</translation>
    </message>
    <message>
        <source>The database is busy: another program has been writing to it for {seconds} s. Nothing was changed; try again when it has finished.</source>
        <translation>数据库正忙：另一个程序已连续写入 {seconds} 秒。本次操作未做任何更改，请等它完成后再试。</translation>
    </message>
    <message>
        <source>Cannot open the database {url}: {reason}</source>
        <translation>无法打开数据库 {url}：{reason}</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <source>Order {order} is {state} and cannot become {target}.</source>
        <translation>订单 {order} 当前为 {state}，不能变为 {target}。</translation>
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
        <translation>取消</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>已退货</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>不存在</translation>
    </message>
    <message>
        <source>{bad} of {total} rows have problems; nothing was imported.</source>
        <translation>{total} 行中有 {bad} 行有问题；未导入任何内容。</translation>
    </message>
    <message>
        <source>Not enough stock of {sku} in bin {bin}: {available} available, {wanted} wanted.</source>
        <translation>库位 {bin} 中 {sku} 库存不足：可用 {available}，需要 {wanted}。</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}：{problem}</translation>
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
        <source>carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <source>tracking number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <source>bin range</source>
        <translation>库位范围</translation>
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
        <source>aisle pitch</source>
        <translation>巷道间距</translation>
    </message>
    <message>
        <source>bin pitch</source>
        <translation>库位间距</translation>
    </message>
    <message>
        <source>block length</source>
        <translation>区段长度</translation>
    </message>
    <message>
        <source>depot aisle</source>
        <translation>起点巷道</translation>
    </message>
    <message>
        <source>largest position</source>
        <translation>最大位置号</translation>
    </message>
    <message>
        <source>aisle</source>
        <translation>巷道</translation>
    </message>
    <message>
        <source>position</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>must be more than 0</source>
        <translation>必须大于 0</translation>
    </message>
    <message>
        <source>must be 1 or more</source>
        <translation>不能小于 1</translation>
    </message>
    <message>
        <source>{user} is the last active administrator: make someone else an admin first.</source>
        <translation>{user} 是最后一位在用的管理员：请先把其他人设为管理员。</translation>
    </message>
    <message>
        <source>{kind} {key} was not found.</source>
        <translation>未找到{kind} {key}。</translation>
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
        <source>Print job</source>
        <translation>打印任务</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Box</source>
        <translation>箱子</translation>
    </message>
    <message>
        <source>Parcel</source>
        <translation>包裹</translation>
    </message>
    <message>
        <source>Restock task</source>
        <translation>退回库位任务</translation>
    </message>
    <message>
        <source>You cannot deactivate your own account or change your own role.</source>
        <translation>不能停用自己的账号或修改自己的角色。</translation>
    </message>
    <message>
        <source>Your role ({role}) may not {action}.</source>
        <translation>您的角色（{role}）无权{action}。</translation>
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
        <source>This database was written by a newer version of Haicang (schema {found}); this version knows up to {known}. Install the newer version.</source>
        <translation>此数据库由更新版本的海仓写入（结构版本 {found}）；当前版本最高支持 {known}。请安装新版本。</translation>
    </message>
    <message>
        <source>{platform} has no setting {key}: did you mean {suggestion}?</source>
        <translation>{platform} 没有设置项 {key}，您是不是要输入 {suggestion}？</translation>
    </message>
    <message>
        <source>Too many wrong supervisor PINs. Try again in {minutes} minutes.</source>
        <translation>主管 PIN 错误次数过多，请 {minutes} 分钟后再试。</translation>
    </message>
    <message>
        <source>Wrong supervisor PIN.</source>
        <translation>主管 PIN 错误。</translation>
    </message>
    <message>
        <source>{platform} has no setting {key}. Settings: {settings}. Secrets: {secrets}.</source>
        <translation>{platform} 没有设置项 {key}。可用设置项：{settings}。密钥：{secrets}。</translation>
    </message>
    <message>
        <source>SKU {sku} belongs to client {owner}, not to client {client}.</source>
        <translation>SKU {sku} 属于客户 {owner}，不属于客户 {client}。</translation>
    </message>
    <message>
        <source>Carton {carton} is not in inbound shipment {reference}.</source>
        <translation>箱 {carton} 不在入库单 {reference} 中。</translation>
    </message>
    <message>
        <source>Inbound shipment {reference} exists for clients {clients}; say which client.</source>
        <translation>入库单 {reference} 在多个客户下都有（{clients}）；请指定客户。</translation>
    </message>
    <message>
        <source>Inbound shipment {reference} is closed; nothing more can be received.</source>
        <translation>入库单 {reference} 已完成收货，不能再收货。</translation>
    </message>
    <message>
        <source>Inbound shipment {reference} of client {client} is already announced.</source>
        <translation>客户 {client} 的入库单 {reference} 已经预报过。</translation>
    </message>
    <message>
        <source>Inbound shipment {reference} is {state} and cannot become {target}.</source>
        <translation>入库单 {reference} 当前为{state}，不能变为{target}。</translation>
    </message>
    <message>
        <source>announced</source>
        <translation>已预报</translation>
    </message>
    <message>
        <source>arrived</source>
        <translation>已到货</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>SKU {sku} is lot-tracked: enter its lot and expiry date.</source>
        <translation>SKU {sku} 按批次管理：请输入批次号和有效期。</translation>
    </message>
    <message>
        <source>Warehouse {warehouse} has no active receiving bin; add a bin of type receiving or scan the bin to receive into.</source>
        <translation>仓库 {warehouse} 没有可用的收货库位；请添加一个收货类型的库位，或扫描要收入的库位。</translation>
    </message>
    <message>
        <source>Code {code} of shipment {reference} is not waiting in quarantine.</source>
        <translation>入库单 {reference} 的条码 {code} 不在隔离区待处理。</translation>
    </message>
    <message>
        <source>Bin {bin} is not in warehouse {warehouse}, where shipment {reference} arrives.</source>
        <translation>库位 {bin} 不在入库单 {reference} 的到货仓库 {warehouse}。</translation>
    </message>
    <message>
        <source>Say why the flagged label {label} is right (e.g. a reprint of the same parcel).</source>
        <translation>请说明被标记的面单 {label} 为何无误（例如同一包裹的重打面单）。</translation>
    </message>
    <message>
        <source>The seller label {label} of order {order} is not printed: its tracking number {tracking} is also on order {others}. Accept or discard it first (haicang labels flagged).</source>
        <translation>订单 {order} 的卖家面单 {label} 未打印：其运单号 {tracking} 也在订单 {others} 上。请先确认或作废该面单（haicang labels flagged）。</translation>
    </message>
    <message>
        <source>The seller label {label} of order {order} is not flagged; nothing to accept.</source>
        <translation>订单 {order} 的卖家面单 {label} 未被标记，无需确认。</translation>
    </message>
    <message>
        <source>Bin {bin} already holds lot {held} of {sku}: lot {lot} cannot go in with it (one lot per bin).</source>
        <translation>库位 {bin} 已存放 {sku} 的批次 {held}：批次 {lot} 不能混放（每个库位只放一个批次）。</translation>
    </message>
    <message>
        <source>Pick cart {cart} was not found.</source>
        <translation>未找到拣货车 {cart}。</translation>
    </message>
    <message>
        <source>{kind} {key} is {state} and cannot become {target}.</source>
        <translation>{kind} {key} 当前为“{state}”，不能变为“{target}”。</translation>
    </message>
    <message>
        <source>Wave</source>
        <translation>波次</translation>
    </message>
    <message>
        <source>Cart</source>
        <translation>拣货车</translation>
    </message>
    <message>
        <source>Pick task</source>
        <translation>拣货任务</translation>
    </message>
    <message>
        <source>released</source>
        <translation>已下发</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>open</source>
        <translation>待拣</translation>
    </message>
    <message>
        <source>picked</source>
        <translation>已拣</translation>
    </message>
    <message>
        <source>short</source>
        <translation>缺货</translation>
    </message>
    <message>
        <source>Label {label} belongs to no order with a pick left at this stop of cart {cart}.</source>
        <translation>面单 {label} 不属于拣货车 {cart} 在当前库位还有待拣商品的订单。</translation>
    </message>
    <message>
        <source>Cart {cart} is not a label-first cart: scan the bin and the item instead.</source>
        <translation>拣货车 {cart} 不是“先贴面单”拣货车：请扫描库位和商品。</translation>
    </message>
    <message>
        <source>No allocated orders in warehouse {warehouse} match; no wave was released.</source>
        <translation>仓库 {warehouse} 中没有符合条件的已分配订单，未下发波次。</translation>
    </message>
    <message>
        <source>Order {order} is already on wave {wave} (or was released meanwhile); nothing was released.</source>
        <translation>订单 {order} 已在波次 {wave} 中（或刚被他人下发），本次未下发任何内容。</translation>
    </message>
    <message>
        <source>Order {order} is {state}: stop picking it. Take tote {slot} off the cart and give it to the supervisor.</source>
        <translation>订单 {order} 状态为“{state}”：请停止拣货，把 {slot} 号周转箱从拣货车上取下交给主管。</translation>
    </message>
    <message>
        <source>Pick at least 1 unit; {quantity} was given.</source>
        <translation>至少拣 1 件；您填写的是 {quantity}。</translation>
    </message>
    <message>
        <source>Pick task {task} was not found.</source>
        <translation>未找到拣货任务 {task}。</translation>
    </message>
    <message>
        <source>A short pick needs fewer than the {remaining} units left; {found} were given.</source>
        <translation>报缺货时，找到的数量必须少于剩余的 {remaining} 件；您填写的是 {found}。</translation>
    </message>
    <message>
        <source>Say why the pick is short (empty bin, damaged, count less than expected).</source>
        <translation>请说明缺货原因（库位为空、商品损坏、数量少于预期）。</translation>
    </message>
    <message>
        <source>This pick of SKU {sku} in bin {bin} is already {state}; go to the next one.</source>
        <translation>库位 {bin} 中 SKU {sku} 的拣货任务状态已是“{state}”，请继续下一项。</translation>
    </message>
    <message>
        <source>Too many: {wanted} scanned, only {remaining} of SKU {sku} left to pick here.</source>
        <translation>数量过多：扫描了 {wanted} 件，此处 SKU {sku} 只剩 {remaining} 件待拣。</translation>
    </message>
    <message>
        <source>Wave {wave} was not found.</source>
        <translation>未找到波次 {wave}。</translation>
    </message>
    <message>
        <source>Wrong bin: you scanned {scanned}, this pick is in bin {expected}.</source>
        <translation>库位错误：您扫描的是 {scanned}，本次应在库位 {expected} 拣货。</translation>
    </message>
    <message>
        <source>Wrong item: you scanned {scanned}, this pick is SKU {expected}.</source>
        <translation>商品错误：您扫描的是 {scanned}，本次应拣 SKU {expected}。</translation>
    </message>
    <message>
        <source>Bin {bin} is full: room for {room} more unit(s) of {sku}, {wanted} to put away.</source>
        <translation>库位 {bin} 已满：{sku} 还能放 {room} 件，待上架 {wanted} 件。</translation>
    </message>
    <message>
        <source>Bin {bin} is a {bin_type} bin: put stock away into a storage or pick bin.</source>
        <translation>库位 {bin} 是{bin_type}库位：请上架到存储库位或拣货库位。</translation>
    </message>
    <message>
        <source>Bin {bin} is not in warehouse {warehouse}.</source>
        <translation>库位 {bin} 不在仓库 {warehouse}。</translation>
    </message>
    <message>
        <source>{user} counted in {number}; another supervisor must approve it.</source>
        <translation>{user} 参与了 {number} 的盘点，须由另一位主管审核。</translation>
    </message>
    <message>
        <source>Count {number}: {lines} line(s) differ beyond tolerance and need a recount by another user first.</source>
        <translation>盘点单 {number}：有 {lines} 行差异超出容差，须先由另一位用户复盘。</translation>
    </message>
    <message>
        <source>Count {number}: {lines} line(s) are not counted yet.</source>
        <translation>盘点单 {number}：还有 {lines} 行未盘点。</translation>
    </message>
    <message>
        <source>Count {number} is {state}; it cannot be changed.</source>
        <translation>盘点单 {number} 状态为{state}，不能再修改。</translation>
    </message>
    <message>
        <source>review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已审核</translation>
    </message>
    <message>
        <source>{user} counted {bin}/{sku} first; the recount must be done by someone else.</source>
        <translation>{bin}/{sku} 由 {user} 初盘，复盘须由其他人完成。</translation>
    </message>
    <message>
        <source>{bin}/{sku}: {units} of the missing units are reserved for orders being picked; finish or short-pick them, then approve again.</source>
        <translation>{bin}/{sku}：短少的数量中有 {units} 件已被拣货中的订单占用；请先完成拣货或报短拣，再重新审核。</translation>
    </message>
    <message>
        <source>Nothing to count in warehouse {warehouse} for {scope}.</source>
        <translation>仓库 {warehouse} 中 {scope} 没有可盘点的库存。</translation>
    </message>
    <message>
        <source>{bin}/{sku} changed too much since it was counted ({on_hand} on hand, the count takes {wanted}); count it again.</source>
        <translation>{bin}/{sku} 自盘点后变动过大（现有 {on_hand}，盘亏 {wanted}），请重新盘点。</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>Warehouse {warehouse} has no active {kind} bin; add one or name a bin.</source>
        <translation>仓库 {warehouse} 没有启用的{kind}库位；请新增一个或指定库位。</translation>
    </message>
    <message>
        <source>Bin {bin} is a {kind} bin; graded {grade} units go to a {allowed} bin.</source>
        <translation>库位 {bin} 是{kind}库位；判定为{grade}的商品应放入{allowed}库位。</translation>
    </message>
    <message>
        <source>resellable</source>
        <translation>可再售</translation>
    </message>
    <message>
        <source>dispose</source>
        <translation>报废</translation>
    </message>
    <message>
        <source>pick</source>
        <translation>拣货</translation>
    </message>
    <message>
        <source>storage</source>
        <translation>存储</translation>
    </message>
    <message>
        <source>No order has tracking number {tracking}; name the client to open a return.</source>
        <translation>没有订单使用追踪号 {tracking}；请指定客户后再建退货单。</translation>
    </message>
    <message>
        <source>Return {number} is closed; nothing more can be received.</source>
        <translation>退货单 {number} 已关闭，不能再收货。</translation>
    </message>
    <message>
        <source>Return {number} is {state}; it cannot become {target}.</source>
        <translation>退货单 {number} 当前为{state}，不能变为{target}。</translation>
    </message>
    <message>
        <source>received</source>
        <translation>已收货</translation>
    </message>
    <message>
        <source>Order {order} is {state}; only shipped, in-transit or delivered orders come back.</source>
        <translation>订单 {order} 状态为{state}；只有已发货、运输中或已签收的订单才能退货。</translation>
    </message>
    <message>
        <source>Return {number} has nothing received; close it anyway only if the parcel will not come (--force on the command line, F9 twice on the Returns screen).</source>
        <translation>退货单 {number} 尚未收到任何货物；仅在包裹不会再退回时才强制关闭（命令行加 --force，退货界面连按两次 F9）。</translation>
    </message>
    <message>
        <source>Order {order} shipped {shipped} × {sku}; {received} already came back, {wanted} more is too many.</source>
        <translation>订单 {order} 发出 {shipped} × {sku}；已退回 {received} 件，再退 {wanted} 件超出发货数量。</translation>
    </message>
    <message>
        <source>SKU {sku} is not on order {order}.</source>
        <translation>SKU {sku} 不在订单 {order} 中。</translation>
    </message>
    <message>
        <source>Box {box}: code of letters and digits (up to 32), inner sides 1 to 3000 mm, tare 0 or more, max weight 1 g to 70 kg and above the tare; &apos;{value}&apos; does not fit.</source>
        <translation>箱子 {box}：编码为字母和数字（最多 32 位），内尺寸每边 1 到 3000 mm，皮重不小于 0，最大承重 1 g 到 70 kg 且大于皮重；“{value}”不符合。</translation>
    </message>
    <message>
        <source>No box has the code or barcode &apos;{scan}&apos;.</source>
        <translation>没有箱子的编码或条码是“{scan}”。</translation>
    </message>
    <message>
        <source>&apos;{scan}&apos; matches {count} parcels: scan the tracking number, or ORDER/N for parcel N of an order.</source>
        <translation>“{scan}”匹配到 {count} 个包裹：请扫描运单号，或用“订单号/N”指定订单的第 N 个包裹。</translation>
    </message>
    <message>
        <source>Staging lane {lane} has no carrier set: set its carrier in the bin settings.</source>
        <translation>待发区通道 {lane} 未设置承运商：请在库位设置中设置承运商。</translation>
    </message>
    <message>
        <source>Parcel {parcel} goes with {carrier}, and warehouse {warehouse} has no staging lane for {carrier}.</source>
        <translation>包裹 {parcel} 由 {carrier} 承运，但仓库 {warehouse} 没有 {carrier} 的待发区通道。</translation>
    </message>
    <message>
        <source>No {carrier} pickup is open: scan the driver&apos;s parcels out first.</source>
        <translation>没有进行中的 {carrier} 揽收：请先扫描交给司机的包裹。</translation>
    </message>
    <message>
        <source>Bin {lane} in warehouse {warehouse} is not a staging lane.</source>
        <translation>仓库 {warehouse} 的库位 {lane} 不是待发区通道。</translation>
    </message>
    <message>
        <source>Parcel {parcel} was handed to {carrier} already (pickup {pickup}).</source>
        <translation>包裹 {parcel} 已交给 {carrier}（揽收单 {pickup}）。</translation>
    </message>
    <message>
        <source>Parcel {parcel} has left already: order {order} is {state}.</source>
        <translation>包裹 {parcel} 已经出库：订单 {order} 为{state}状态。</translation>
    </message>
    <message>
        <source>Parcel {parcel} is not on the open {carrier} pickup.</source>
        <translation>包裹 {parcel} 不在进行中的 {carrier} 揽收单上。</translation>
    </message>
    <message>
        <source>Parcel {parcel} of order {order} is not packed yet: pack it first.</source>
        <translation>订单 {order} 的包裹 {parcel} 尚未打包：请先打包。</translation>
    </message>
    <message>
        <source>Parcel {parcel} ships from warehouse {parcel_warehouse}, not {warehouse}.</source>
        <translation>包裹 {parcel} 从仓库 {parcel_warehouse} 发出，不是 {warehouse}。</translation>
    </message>
    <message>
        <source>STOP: order {order} is {state}. Do not hand parcel {parcel} to the carrier.</source>
        <translation>停止：订单 {order} 为{state}状态。不要把包裹 {parcel} 交给承运商。</translation>
    </message>
    <message>
        <source>Parcel {parcel} of order {order} has no carrier yet: buy or import its label first.</source>
        <translation>订单 {order} 的包裹 {parcel} 还没有承运商：请先购买或导入面单。</translation>
    </message>
    <message>
        <source>Shipping exception {id} was not found.</source>
        <translation>未找到物流异常 {id}。</translation>
    </message>
    <message>
        <source>Bin {bin} is a {bin_type} bin: only staging bins have a carrier.</source>
        <translation>库位 {bin} 是{bin_type}库位：只有待发区库位才能设置承运商。</translation>
    </message>
    <message>
        <source>No parcel matches &apos;{scan}&apos;: scan the parcel&apos;s tracking number or its order number.</source>
        <translation>没有与“{scan}”匹配的包裹：请扫描包裹的运单号或订单号。</translation>
    </message>
    <message>
        <source>{carrier} pickups are open at several warehouses ({warehouses}): name the warehouse.</source>
        <translation>{carrier} 在多个仓库有进行中的揽收（{warehouses}）：请指定仓库。</translation>
    </message>
    <message>
        <source>Parcel {parcel} goes with {parcel_carrier}, not {carrier}: keep it for its own driver.</source>
        <translation>包裹 {parcel} 由 {parcel_carrier} 承运，不是 {carrier}：请留给对应的司机。</translation>
    </message>
    <message>
        <source>Wrong lane: parcel {parcel} goes with {carrier}. Put it in lane {right}, not {lane} ({lane_carrier}).</source>
        <translation>通道错误：包裹 {parcel} 由 {carrier} 承运。请放入通道 {right}，而不是 {lane}（{lane_carrier}）。</translation>
    </message>
    <message>
        <source>Shipping rule {rule}: {problem}</source>
        <translation>发货规则 {rule}：{problem}</translation>
    </message>
    <message>
        <source>The label of order {order} is being bought right now (since {since}); try again in a minute.</source>
        <translation>订单 {order} 的面单正在购买中（从 {since} 开始），请一分钟后再试。</translation>
    </message>
    <message>
        <source>Label for order {order} not bought: {message} — {advice}</source>
        <translation>订单 {order} 的面单没有买到：{message} — {advice}</translation>
    </message>
    <message>
        <source>buy again</source>
        <translation>请重新购买</translation>
    </message>
    <message>
        <source>fix the order, then buy again</source>
        <translation>请先修改订单，再重新购买</translation>
    </message>
    <message>
        <source>fix the carrier account</source>
        <translation>请检查承运商账户</translation>
    </message>
    <message>
        <source>quote again and choose another rate</source>
        <translation>请重新报价并选择其他运费</translation>
    </message>
    <message>
        <source>Order {order} has no carrier account to buy a label through: add one with &apos;haicang carriers add&apos; (or in Settings) and set the client&apos;s shipping rules.</source>
        <translation>订单 {order} 没有可用来购买面单的承运商账户：请用 &apos;haicang carriers add&apos;（或在设置中）添加账户，并设置该客户的发货规则。</translation>
    </message>
    <message>
        <source>Label for order {order} not bought: {reason}.</source>
        <translation>订单 {order} 的面单没有买到：{reason}。</translation>
    </message>
    <message>
        <source>Order {order} has no bought label to void.</source>
        <translation>订单 {order} 没有可作废的已购面单。</translation>
    </message>
    <message>
        <source>Order {order} is {state}: no label is bought for it.</source>
        <translation>订单 {order} 状态为 {state}：不为它购买面单。</translation>
    </message>
    <message>
        <source>No rates for order {order}: {message}</source>
        <translation>订单 {order} 取不到运费报价：{message}</translation>
    </message>
    <message>
        <source>No quoted rate of order {order} is {service}. Quoted: {quoted}.</source>
        <translation>订单 {order} 的报价里没有 {service}。已报价：{quoted}。</translation>
    </message>
    <message>
        <source>Tracking number {tracking} is already used by order {other}.</source>
        <translation>追踪号 {tracking} 已被订单 {other} 使用。</translation>
    </message>
    <message>
        <source>Label of order {order} not voided: {message} — void again later.</source>
        <translation>订单 {order} 的面单没有作废：{message} — 请稍后再作废一次。</translation>
    </message>
    <message>
        <source>Bin {codes} is in warehouse {other}, not in {warehouse}.</source>
        <translation>库位 {codes} 属于仓库 {other}，不属于 {warehouse}。</translation>
    </message>
    <message>
        <source>Warehouse {warehouse} has no bin {codes}.</source>
        <translation>仓库 {warehouse} 没有库位 {codes}。</translation>
    </message>
    <message>
        <source>Bin {codes} has no aisle and position, so no route can reach it; give it an aisle and a position first.</source>
        <translation>库位 {codes} 没有巷道和位置，无法规划到达路线；请先为它设置巷道和位置。</translation>
    </message>
    <message>
        <source>Warehouse {warehouse} has no bin in aisle {aisle}: the depot must be at the front of an aisle its bins use ({aisles}).</source>
        <translation>仓库 {warehouse} 的巷道 {aisle} 中没有库位：出发点必须位于有库位的巷道前端（{aisles}）。</translation>
    </message>
    <message>
        <source>Give at least one bin of warehouse {warehouse}.</source>
        <translation>请至少提供仓库 {warehouse} 的一个库位。</translation>
    </message>
    <message>
        <source>Bin {bin} still holds stock ({stock}); move it out before disabling the bin.</source>
        <translation>库位 {bin} 仍有库存（{stock}）；请先移出库存再停用。</translation>
    </message>
    <message>
        <source>{count} bin code(s) already exist in warehouse {warehouse}: {codes}</source>
        <translation>仓库 {warehouse} 中已有 {count} 个库位编码：{codes}</translation>
    </message>
    <message>
        <source>Client {client} is disabled: its open orders still ship, but no new orders are imported for it. Enable the client first.</source>
        <translation>客户 {client} 已停用：未完成的订单照常发货，但不能再导入新订单。请先启用该客户。</translation>
    </message>
    <message>
        <source>{field}: &apos;{value}&apos; {problem}</source>
        <translation>{field}：“{value}”{problem}</translation>
    </message>
    <message>
        <source>&apos;{scan}&apos; matches {count} orders: scan the tote or the order&apos;s label instead.</source>
        <translation>“{scan}”对应 {count} 个订单：请改扫周转箱或订单面单。</translation>
    </message>
    <message>
        <source>A count must be 1 or more, not {quantity}.</source>
        <translation>数量必须至少为 1，不能是 {quantity}。</translation>
    </message>
    <message>
        <source>Parcel {seq} weighs {weight} g, more than box {box} carries ({max} g): use a stronger box or split the order.</source>
        <translation>第 {seq} 个包裹重 {weight} g，超过箱子 {box} 的承重（{max} g）：请换更结实的箱子或拆成多个包裹。</translation>
    </message>
    <message>
        <source>Order {order} needs {wanted} more of SKU {sku}; {quantity} scanned is too many. Nothing was counted.</source>
        <translation>订单 {order} 还需要 {wanted} 件 SKU {sku}；扫描 {quantity} 件太多了。本次未计数。</translation>
    </message>
    <message>
        <source>&apos;{scan}&apos; is a unit of client {owner}, not of {client}: keep it out of this order.</source>
        <translation>“{scan}”属于客户 {owner}，不属于 {client}：不要放进这个订单。</translation>
    </message>
    <message>
        <source>No box in the catalogue fits parcel {seq} of order {order}: scan a box, or split the order into parcels.</source>
        <translation>箱子目录里没有能装下订单 {order} 第 {seq} 个包裹的箱子：请扫描一个箱子，或把订单拆成多个包裹。</translation>
    </message>
    <message>
        <source>Order {order} is not on a pack bench: scan the order first.</source>
        <translation>订单 {order} 不在打包台上：请先扫描订单。</translation>
    </message>
    <message>
        <source>Order {order} is packed already; its label and slip can be reprinted.</source>
        <translation>订单 {order} 已经打包；可以补打面单和装箱单。</translation>
    </message>
    <message>
        <source>Order {order} is being packed at station {station}.</source>
        <translation>订单 {order} 正在工作站 {station} 打包。</translation>
    </message>
    <message>
        <source>Order {order} is {state}: only allocated or picked orders can be packed.</source>
        <translation>订单 {order} 状态为{state}：只有已分配或已拣货的订单才能打包。</translation>
    </message>
    <message>
        <source>STOP: order {order} is {state}. Do not pack it; put its units aside for restocking.</source>
        <translation>停止：订单 {order} {state}。不要打包；把商品放到一边等待退回库位。</translation>
    </message>
    <message>
        <source>A weight override needs the supervisor&apos;s reason.</source>
        <translation>放行重量需要主管填写原因。</translation>
    </message>
    <message>
        <source>Order {order} is not complete: {missing} unit(s) still to scan.</source>
        <translation>订单 {order} 尚未完成：还有 {missing} 件待扫描。</translation>
    </message>
    <message>
        <source>Order {order} has no open parcel {seq}.</source>
        <translation>订单 {order} 没有未封箱的第 {seq} 个包裹。</translation>
    </message>
    <message>
        <source>Parcel {seq} of order {order} has no accepted weight yet.</source>
        <translation>订单 {order} 的第 {seq} 个包裹还没有通过称重。</translation>
    </message>
    <message>
        <source>Order {order} is still being picked ({open} pick task(s) not done): finish the pick run first.</source>
        <translation>订单 {order} 仍在拣货中（{open} 个拣货任务未完成）：请先完成拣货。</translation>
    </message>
    <message>
        <source>Restock task {task} is done already.</source>
        <translation>退回库位任务 {task} 已完成。</translation>
    </message>
    <message>
        <source>No SKU of client {client} has the code or barcode &apos;{scan}&apos;.</source>
        <translation>客户 {client} 没有编码或条码为“{scan}”的 SKU。</translation>
    </message>
    <message>
        <source>Nothing matches &apos;{scan}&apos;: scan an order number, a tote, a pick list or a tracking number.</source>
        <translation>“{scan}”没有匹配项：请扫描订单号、周转箱、拣货单或运单号。</translation>
    </message>
    <message>
        <source>The scale reads {weight} g: that is no weight. Check the scale (zero it) and the parcel.</source>
        <translation>电子秤读数为 {weight} g：这不是有效重量。请检查电子秤（归零）和包裹。</translation>
    </message>
    <message>
        <source>The scale has not settled yet: wait for a stable weight.</source>
        <translation>电子秤读数还不稳定：请等待重量稳定。</translation>
    </message>
    <message>
        <source>Parcel {seq} of order {order} weighs {actual} g, expected {expected} g ± {tolerance} g (difference {difference} g): check its contents, or a supervisor overrides with PIN and reason.</source>
        <translation>订单 {order} 的第 {seq} 个包裹重 {actual} g，应为 {expected} g ± {tolerance} g（相差 {difference} g）：请检查箱内商品，或由主管输入 PIN 和原因放行。</translation>
    </message>
    <message>
        <source>SKU {sku} is not in order {order}.</source>
        <translation>SKU {sku} 不在订单 {order} 中。</translation>
    </message>
    <message>
        <source>SKU {sku} belongs to several clients ({clients}); choose the client.</source>
        <translation>SKU {sku} 属于多个客户（{clients}），请选择客户。</translation>
    </message>
    <message>
        <source>Warehouse {warehouse} has no bins from {first} to {last}.</source>
        <translation>仓库 {warehouse} 中没有从 {first} 到 {last} 的库位。</translation>
    </message>
    <message>
        <source>Order {order} is backordered: allocate it before printing its label.</source>
        <translation>订单 {order} 缺货待补：请先分配库存，再打印面单。</translation>
    </message>
    <message>
        <source>Order {order} has no {missing} yet; allocate it before printing its {document}.</source>
        <translation>订单 {order} 还没有{missing}，请先分配库存再打印{document}。</translation>
    </message>
    <message>
        <source>warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>reserved bins</source>
        <translation>预留库位</translation>
    </message>
    <message>
        <source>shipping label</source>
        <translation>面单</translation>
    </message>
    <message>
        <source>pick list</source>
        <translation>拣货单</translation>
    </message>
    <message>
        <source>Print job {job} is {status}; only queued or failed jobs can be sent.</source>
        <translation>打印任务 {job} 状态为{status}，只有等待中或失败的任务可以发送。</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>printing</source>
        <translation>打印中</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>No printer is set up for {role} on this station; add one in Settings.</source>
        <translation>本工作站尚未设置用于{role}的打印机，请在“设置”中添加。</translation>
    </message>
    <message>
        <source>labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>SKU labels</source>
        <translation>SKU 标签</translation>
    </message>
    <message>
        <source>documents</source>
        <translation>单据</translation>
    </message>
    <message>
        <source>This station has no printer named &apos;{name}&apos; (it has: {known}).</source>
        <translation>本工作站没有名为“{name}”的打印机（现有：{known}）。</translation>
    </message>
    <message>
        <source>Put-away task {task} is already done (by {by}).</source>
        <translation>上架任务 {task} 已完成（操作人 {by}）。</translation>
    </message>
    <message>
        <source>Bin {bin} is a {bin_type} bin: min/max limits are for pick bins.</source>
        <translation>库位 {bin} 是{bin_type}库位：最低/最高库存只适用于拣货库位。</translation>
    </message>
    <message>
        <source>Replenishment task {task} is already {status}.</source>
        <translation>补货任务 {task} 的状态是{status}，不能再确认。</translation>
    </message>
    <message>
        <source>Replenishment task {task} is out of date: bin {bin} has {available} of {sku} free now, the task moves {wanted}. Plan again.</source>
        <translation>补货任务 {task} 已过时：库位 {bin} 现在只有 {available} 件 {sku} 可用，任务要移 {wanted} 件。请重新计划。</translation>
    </message>
    <message>
        <source>Scanned bin {scanned}, but the task goes {role} bin {expected}.</source>
        <translation>扫描的是库位 {scanned}，但任务的{role}库位是 {expected}。</translation>
    </message>
    <message>
        <source>from</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>to</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Barcode {barcode} already belongs to SKU {sku}.</source>
        <translation>条码 {barcode} 已属于 SKU {sku}。</translation>
    </message>
    <message>
        <source>Store {store} is already being synced by {holder}; try again later.</source>
        <translation>店铺 {store} 正在由 {holder} 同步，请稍后再试。</translation>
    </message>
    <message>
        <source>Sync of store {store} stopped: another computer took it over.</source>
        <translation>店铺 {store} 的同步已停止：另一台电脑接管了同步。</translation>
    </message>
    <message>
        <source>A cart must take at least 1 order and 1 unit (got {orders} orders, {units} units).</source>
        <translation>每辆拣货车至少装 1 个订单、1 件商品（当前为 {orders} 个订单、{units} 件）。</translation>
    </message>
    <message>
        <source>No allocated orders in warehouse {warehouse} match ({filters}) and are not on a wave yet.</source>
        <translation>仓库 {warehouse} 中没有符合条件（{filters}）且尚未加入波次的已分配订单。</translation>
    </message>
    <message>
        <source>no filters</source>
        <translation>无筛选条件</translation>
    </message>
    <message>
        <source>{filter}: &apos;{value}&apos; is not one of {allowed}.</source>
        <translation>{filter}：“{value}”不是可选值之一（{allowed}）。</translation>
    </message>
    <message>
        <source>{key}={value}: {reason}</source>
        <translation>{key}={value}：{reason}</translation>
    </message>
    <message>
        <source>must be one of</source>
        <translation>必须是以下之一：</translation>
    </message>
    <message>
        <source>must not be empty (1 to 100 characters)</source>
        <translation>不能为空（1 到 100 个字符）</translation>
    </message>
    <message>
        <source>no active warehouse has this code</source>
        <translation>没有启用中的仓库使用此编码</translation>
    </message>
    <message>
        <source>set the printer first (its address)</source>
        <translation>请先设置打印机（地址）</translation>
    </message>
    <message>
        <source>a new printer needs its language too (zpl, tspl, escpos or pdf)</source>
        <translation>新打印机还需要设置指令语言（zpl、tspl、escpos 或 pdf）</translation>
    </message>
    <message>
        <source>set the scale first (a serial port or simulated)</source>
        <translation>请先设置电子秤（串口或 simulated）</translation>
    </message>
    <message>
        <source>write KEY=VALUE</source>
        <translation>请写成 KEY=VALUE</translation>
    </message>
    <message>
        <source>must be a whole number of minutes from 0 (never) to 1440</source>
        <translation>必须是 0（从不）到 1440 之间的整数分钟</translation>
    </message>
    <message>
        <source>must be a whole number of days from 1 to 30</source>
        <translation>必须是 1 到 30 之间的整数天数</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; is not a station setting; the settings are: {keys}.</source>
        <translation>“{key}”不是工作站设置；可用设置为：{keys}。</translation>
    </message>
    <message>
        <source>USB scales need the &apos;hidapi&apos; Python package, which is not installed. Install it or connect the scale by serial cable.</source>
        <translation>USB 电子秤需要 Python 软件包 &apos;hidapi&apos;，但尚未安装。请安装它，或改用串口线连接电子秤。</translation>
    </message>
    <message>
        <source>Invalid scale setting {field}: {value}</source>
        <translation>电子秤设置 {field} 无效：{value}</translation>
    </message>
    <message>
        <source>The scale on {port} sends data that is not {protocol}. Check the protocol and baud rate.</source>
        <translation>{port} 上的电子秤发送的数据不是 {protocol} 格式。请检查通信协议和波特率。</translation>
    </message>
    <message>
        <source>The scale on {port} refused the {operation} command.</source>
        <translation>{port} 上的电子秤拒绝了 {operation} 命令。</translation>
    </message>
    <message>
        <source>Scale on {port} was disconnected. Reconnect the cable.</source>
        <translation>{port} 上的电子秤已断开。请重新插好数据线。</translation>
    </message>
    <message>
        <source>The scale reports an error: {detail}</source>
        <translation>电子秤报告故障：{detail}</translation>
    </message>
    <message>
        <source>The scale shows less than zero. Empty the scale and press Zero.</source>
        <translation>秤的读数小于零。请清空秤面后按“清零”。</translation>
    </message>
    <message>
        <source>No known scale answered on {port}. Check the cable and the scale settings.</source>
        <translation>{port} 上没有可识别的电子秤应答。请检查数据线和电子秤设置。</translation>
    </message>
    <message>
        <source>No scale port {port} on this computer. Plug in the scale or pick its port.</source>
        <translation>这台电脑上没有电子秤端口 {port}。请插上电子秤，或选择正确的端口。</translation>
    </message>
    <message>
        <source>Scale not responding on {port}. Check that the scale is switched on and the cable is plugged in.</source>
        <translation>{port} 上的电子秤无响应。请检查电子秤是否已开机、数据线是否插好。</translation>
    </message>
    <message>
        <source>The scale is overloaded: the parcel is too heavy for this scale.</source>
        <translation>电子秤超载：包裹超出本秤量程。</translation>
    </message>
    <message>
        <source>Cannot use scale port {port}: {reason}</source>
        <translation>无法使用电子秤端口 {port}：{reason}</translation>
    </message>
    <message>
        <source>The weight did not settle within {seconds} seconds. Keep the parcel still on the scale.</source>
        <translation>重量在 {seconds} 秒内没有稳定。请让包裹在秤上保持不动。</translation>
    </message>
    <message>
        <source>Scales using {protocol} cannot {operation} from the computer.</source>
        <translation>使用 {protocol} 协议的电子秤不能从电脑执行 {operation}。</translation>
    </message>
    <message>
        <source>The scale reports in {unit}, which is not a supported weight unit.</source>
        <translation>电子秤使用的单位是 {unit}，不是支持的重量单位。</translation>
    </message>
    <message>
        <source>Printer {target} refused the connection</source>
        <translation>打印机 {target} 拒绝连接</translation>
    </message>
    <message>
        <source>Cannot import {path}: this file looks like {encoding}. Open it in Excel and save it as &apos;CSV UTF-8 (Comma delimited)&apos;.</source>
        <translation>无法导入 {path}：此文件的编码看起来是 {encoding}。请用 Excel 打开，另存为“CSV UTF-8 (逗号分隔)”格式。</translation>
    </message>
    <message>
        <source>Cannot import {path}: its encoding changes on line {line} (line {first} is {before}, line {line} is {after}). Open it in Excel and save it as &apos;CSV UTF-8 (Comma delimited)&apos;.</source>
        <translation>无法导入 {path}：文件编码在第 {line} 行发生变化（第 {first} 行是 {before}，第 {line} 行是 {after}）。请用 Excel 打开，另存为“CSV UTF-8 (逗号分隔)”格式。</translation>
    </message>
    <message>
        <source>Cannot import {path}: it is {size} MB, more than the {limit} MB an import file may have; split it into smaller files.</source>
        <translation>无法导入 {path}：文件大小为 {size} MB，超过导入文件 {limit} MB 的上限，请拆分成几个较小的文件。</translation>
    </message>
    <message>
        <source>Cannot import {path}: it is not a file saved on disk (a folder, a device or a pipe); choose a saved file.</source>
        <translation>无法导入 {path}：它不是保存在磁盘上的文件（而是文件夹、设备或管道），请选择已保存的文件。</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}. If this is the client&apos;s own layout, map its columns once in the app (Orders → Import orders…) and save them as a column preset, or name a saved preset with --preset NAME.</source>
        <translation>无法读取 {path}：{reason}。如果这是客户自己的表格格式，请在软件中（订单 → 导入订单…）对应一次各列并保存为列映射方案，或用 --preset 名称 指定已保存的方案。</translation>
    </message>
    <message>
        <source>Cannot read {path} with the column preset &apos;{preset}&apos;: the file has no column {columns}. Choose the preset made for this layout, or map the columns again.</source>
        <translation>无法按列映射方案“{preset}”读取 {path}：文件中没有列 {columns}。请选择为此格式建立的方案，或重新对应各列。</translation>
    </message>
    <message>
        <source>Inbound shipment {reference} was not found.</source>
        <translation>找不到入库单 {reference}。</translation>
    </message>
    <message>
        <source>Count {number} was not found.</source>
        <translation>未找到盘点单 {number}。</translation>
    </message>
    <message>
        <source>Return {number} was not found.</source>
        <translation>未找到退货单 {number}。</translation>
    </message>
    <message>
        <source>The scale on {port} sends data that cannot be read: check the protocol and baud rate.</source>
        <translation>{port} 上的电子秤发送的数据无法读取：请检查通信协议和波特率。</translation>
    </message>
</context>
</TS>
