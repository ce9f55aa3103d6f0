<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BinDialog</name>
    <message>
        <source>Add bin to {warehouse}</source>
        <translation>向 {warehouse} 添加库位</translation>
    </message>
    <message>
        <source>e.g. A-01-02 or STAGE-01</source>
        <translation>例如 A-01-02 或 STAGE-01</translation>
    </message>
    <message>
        <source>staging lanes: e.g. USPS, UPS, FedEx</source>
        <translation>待发区通道：如 USPS、UPS、FedEx</translation>
    </message>
    <message>
        <source>Bin code</source>
        <translation>库位编码</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Aisle</source>
        <translation>巷道</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <source>not limited</source>
        <translation>不限</translation>
    </message>
    <message>
        <source> units</source>
        <translation> 件</translation>
    </message>
    <message>
        <source> L</source>
        <translation> 升</translation>
    </message>
    <message>
        <source>Capacity (units)</source>
        <translation>容量（件数）</translation>
    </message>
    <message>
        <source>Capacity (volume)</source>
        <translation>容量（体积）</translation>
    </message>
</context>
<context>
    <name>BinRangeDialog</name>
    <message>
        <source>Add a range of bins to {warehouse}</source>
        <translation>向 {warehouse} 批量添加库位</translation>
    </message>
    <message>
        <source>A, B … or 1, 2 …</source>
        <translation>A、B … 或 1、2 …</translation>
    </message>
    <message>
        <source>Aisle</source>
        <translation>巷道</translation>
    </message>
    <message>
        <source>Positions</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Codes are AISLE-POSITION-LEVEL, e.g. A-07-02.</source>
        <translation>编码规则：巷道-位置-层，例如 A-07-02。</translation>
    </message>
    <message numerus="yes">
        <source>%n bin(s): {first} … {last}</source>
        <translation>
            <numerusform>共 %n 个库位：{first} … {last}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BinsModel</name>
    <message>
        <source>Bin</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Aisle</source>
        <translation>巷道</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>在库</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>已占用</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>ClientDialog</name>
    <message>
        <source>Edit client</source>
        <extracomment>Offered first in the currency box; any ISO 4217 code may be typed.</extracomment>
        <translation>编辑客户</translation>
    </message>
    <message>
        <source>Add client</source>
        <translation>添加客户</translation>
    </message>
    <message>
        <source>e.g. ACME</source>
        <translation>例如 ACME</translation>
    </message>
    <message>
        <source>Nearest warehouse with stock</source>
        <translation>有货的最近仓库</translation>
    </message>
    <message>
        <source>at least </source>
        <translation>至少 </translation>
    </message>
    <message>
        <source>Dunnage, tape and inserts: added to every parcel&apos;s expected weight</source>
        <translation>填充物、胶带和附页：计入每个包裹的预计重量</translation>
    </message>
    <message>
        <source>Put a packing slip in every parcel</source>
        <translation>每个包裹放入装箱单</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Ships from</source>
        <translation>发货仓</translation>
    </message>
    <message>
        <source>Handling time</source>
        <translation>处理时效</translation>
    </message>
    <message>
        <source>Packing slip</source>
        <translation>装箱单</translation>
    </message>
    <message>
        <source>Weight check</source>
        <translation>称重校验</translation>
    </message>
    <message>
        <source>Packing material</source>
        <translation>包装材料</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message numerus="yes">
        <source> business day(s)</source>
        <translation>
            <numerusform> 个工作日</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClientsModel</name>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Ships from</source>
        <translation>发货仓</translation>
    </message>
    <message>
        <source>Handling days</source>
        <translation>处理天数</translation>
    </message>
    <message>
        <source>Packing slip</source>
        <translation>装箱单</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Nearest</source>
        <translation>最近仓库</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>ClientsTab</name>
    <message>
        <source>Search clients (code, name, contact…)</source>
        <translation>搜索客户（编码、名称、联系人…）</translation>
    </message>
    <message>
        <source>Add client…</source>
        <translation>添加客户…</translation>
    </message>
    <message>
        <source>Ins or Ctrl+N</source>
        <translation>Ins 或 Ctrl+N</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>回车</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>A disabled client&apos;s orders already in the warehouse still ship; new order imports for it are refused.</source>
        <translation>已停用客户在仓内的订单照常发货；该客户的新订单将无法导入。</translation>
    </message>
    <message numerus="yes">
        <source>%n client(s)</source>
        <translation>
            <numerusform>%n 个客户</numerusform>
        </translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Client {code} saved.</source>
        <translation>客户 {code} 已保存。</translation>
    </message>
    <message>
        <source>Client {code} enabled.</source>
        <translation>客户 {code} 已启用。</translation>
    </message>
    <message>
        <source>Client {code} disabled: its open orders still ship; new imports are refused.</source>
        <translation>客户 {code} 已停用：未完成的订单照常发货，新订单不再导入。</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Required.</source>
        <extracomment>The service&apos;s field names (``InvalidValue(field=...)``) -&gt; this form&apos;s keys.</extracomment>
        <translation>必填。</translation>
    </message>
</context>
<context>
    <name>WarehouseDialog</name>
    <message>
        <source>Edit warehouse</source>
        <extracomment>US time zones offered in the box; any IANA name may be typed.</extracomment>
        <translation>编辑仓库</translation>
    </message>
    <message>
        <source>Add warehouse</source>
        <translation>添加仓库</translation>
    </message>
    <message>
        <source>e.g. LA1</source>
        <translation>例如 LA1</translation>
    </message>
    <message>
        <source>US West</source>
        <translation>美西</translation>
    </message>
    <message>
        <source>US East</source>
        <translation>美东</translation>
    </message>
    <message>
        <source>Reserve stock right after imports, syncs and receipts</source>
        <translation>导入、同步和收货后立即分配库存</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
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
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Address line 2</source>
        <translation>地址第二行</translation>
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
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Daily cut-off</source>
        <translation>每日截单时间</translation>
    </message>
    <message>
        <source>Allocation</source>
        <translation>分配</translation>
    </message>
    <message>
        <source>Orders placed after this local time count from the next business day.</source>
        <translation>当地时间此刻之后下的订单从下一个工作日起算。</translation>
    </message>
    <message>
        <source>Pick-route layout</source>
        <translation>拣货路线布局</translation>
    </message>
    <message>
        <source>Distance between the centre lines of two neighbouring aisles.</source>
        <translation>相邻两条巷道中心线之间的距离。</translation>
    </message>
    <message>
        <source>Length of one bin position along an aisle.</source>
        <translation>沿巷道方向一个库位的长度。</translation>
    </message>
    <message>
        <source>No middle cross aisle</source>
        <translation>无中间横向通道</translation>
    </message>
    <message>
        <source>Positions between cross aisles; 0 = cross aisles only at the front and back.</source>
        <translation>两条横向通道之间的库位数；0 = 只在巷道前端和后端有横向通道。</translation>
    </message>
    <message>
        <source>Carts start and end at the front end of this aisle.</source>
        <translation>拣货车从该巷道的前端出发并回到这里。</translation>
    </message>
    <message>
        <source>Aisle spacing</source>
        <translation>巷道间距</translation>
    </message>
    <message>
        <source>Position length</source>
        <translation>库位长度</translation>
    </message>
    <message>
        <source>Cross aisle every</source>
        <translation>横向通道间隔</translation>
    </message>
    <message>
        <source>Depot at aisle</source>
        <translation>出发点所在巷道</translation>
    </message>
    <message>
        <source> positions</source>
        <translation> 个库位</translation>
    </message>
    <message>
        <source> m</source>
        <translation> 米</translation>
    </message>
</context>
<context>
    <name>WarehousesModel</name>
    <message>
        <source>Code</source>
        <translation>编码</translation>
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
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>State</source>
        <translation>州</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Cut-off</source>
        <translation>截单时间</translation>
    </message>
    <message>
        <source>Auto-allocate</source>
        <translation>自动分配</translation>
    </message>
    <message>
        <source>US West</source>
        <translation>美西</translation>
    </message>
    <message>
        <source>US East</source>
        <translation>美东</translation>
    </message>
    <message>
        <source>On</source>
        <translation>开</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关</translation>
    </message>
</context>
<context>
    <name>WarehousesTab</name>
    <message>
        <source>Add warehouse…</source>
        <translation>添加仓库…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Warehouses</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>Search bins</source>
        <translation>搜索库位</translation>
    </message>
    <message>
        <source>Bins</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Add bin…</source>
        <translation>添加库位…</translation>
    </message>
    <message>
        <source>Ins or Ctrl+N</source>
        <translation>Ins 或 Ctrl+N</translation>
    </message>
    <message>
        <source>Add range…</source>
        <translation>批量添加…</translation>
    </message>
    <message>
        <source>Import bins…</source>
        <translation>导入库位…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Print bin labels</source>
        <translation>打印库位标签</translation>
    </message>
    <message>
        <source>Bins of {warehouse}</source>
        <translation>{warehouse} 的库位</translation>
    </message>
    <message numerus="yes">
        <source>%n bin(s)</source>
        <translation>
            <numerusform>%n 个库位</numerusform>
        </translation>
    </message>
    <message>
        <source>Warehouse {code} saved.</source>
        <translation>仓库 {code} 已保存。</translation>
    </message>
    <message>
        <source>Bin {bin} added to {warehouse}.</source>
        <translation>库位 {bin} 已添加到 {warehouse}。</translation>
    </message>
    <message numerus="yes">
        <source>%n bin(s) added to {warehouse}: {first} … {last}.</source>
        <translation>
            <numerusform>已向 {warehouse} 添加 %n 个库位：{first} … {last}。</numerusform>
        </translation>
    </message>
    <message>
        <source>Import bins into {warehouse}</source>
        <translation>导入库位到 {warehouse}</translation>
    </message>
    <message>
        <source>Bin lists (*.csv *.xlsx *.txt);;All files (*)</source>
        <translation>库位表 (*.csv *.xlsx *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Importing {file}…</source>
        <translation>正在导入 {file}…</translation>
    </message>
    <message numerus="yes">
        <source>%n bin(s) imported into {warehouse}.</source>
        <translation>
            <numerusform>已导入 %n 个库位到 {warehouse}。</numerusform>
        </translation>
    </message>
    <message>
        <source>Line {line}: {reason}</source>
        <translation>第 {line} 行：{reason}</translation>
    </message>
    <message numerus="yes">
        <source>%n bin(s) enabled.</source>
        <translation>
            <numerusform>已启用 %n 个库位。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bin(s) disabled.</source>
        <translation>
            <numerusform>已停用 %n 个库位。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Printing %n label(s) on {printer}…</source>
        <translation>
            <numerusform>正在用 {printer} 打印 %n 张标签…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bin label(s) sent to {printer}.</source>
        <translation>
            <numerusform>%n 张库位标签已发送到 {printer}。</numerusform>
        </translation>
    </message>
    <message>
        <source>Job {job} was not printed and waits in the queue: {error}</source>
        <translation>任务 {job} 未打印，仍在队列中等待：{error}</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>{column} is missing</source>
        <extracomment>Bin types as Chinese warehouse staff write them.</extracomment>
        <translation>缺少 {column}</translation>
    </message>
    <message>
        <source>bin {code} already exists in warehouse {warehouse}</source>
        <translation>库位 {code} 在仓库 {warehouse} 中已存在</translation>
    </message>
    <message>
        <source>bin {code} is already on line {other}</source>
        <translation>库位 {code} 已在第 {other} 行出现</translation>
    </message>
    <message>
        <source>{column} &apos;{value}&apos; is not a whole number of 0 or more</source>
        <translation>{column}“{value}”不是大于等于 0 的整数</translation>
    </message>
    <message>
        <source>{column} contains a control character ({char}); type the cell again</source>
        <extracomment>The reader&apos;s reason (app.channels.cell_values), listed again because the bins page translates reasons in the &quot;errors&quot; context.</extracomment>
        <translation>{column} 含有控制字符（{char}），请重新输入该单元格</translation>
    </message>
    <message>
        <source>{field}: &apos;{value}&apos; {problem}</source>
        <extracomment>Letters, digits and single hyphens: ``A-07-02``, ``STAGE-01``, ``A-01-02-03``. Bins one range may create: a long aisle is a few hundred; thousands is a typo. Business days to ship: more than a month is a typo, not a service level. Bounds of a client&apos;s pack-station weight check: beyond them it checks nothing. ISO 4217 codes in use (the seller&apos;s billing and declared-value currency).</extracomment>
        <translation>{field}：“{value}”{problem}</translation>
    </message>
    <message>
        <source>Client {client} is disabled: its open orders still ship, but no new orders are imported for it. Enable the client first.</source>
        <translation>客户 {client} 已停用：未完成的订单照常发货，但不能再导入新订单。请先启用该客户。</translation>
    </message>
    <message>
        <source>{count} bin code(s) already exist in warehouse {warehouse}: {codes}</source>
        <translation>仓库 {warehouse} 中已有 {count} 个库位编码：{codes}</translation>
    </message>
    <message>
        <source>Bin {bin} still holds stock ({stock}); move it out before disabling the bin.</source>
        <translation>库位 {bin} 仍有库存（{stock}）；请先移出库存再停用。</translation>
    </message>
    <message>
        <source>currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>handling days</source>
        <translation>处理天数</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>cut-off time</source>
        <translation>截单时间</translation>
    </message>
    <message>
        <source>region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>bin type</source>
        <translation>库位类型</translation>
    </message>
    <message>
        <source>aisle</source>
        <translation>巷道</translation>
    </message>
    <message>
        <source>positions</source>
        <translation>位置范围</translation>
    </message>
    <message>
        <source>levels</source>
        <translation>层范围</translation>
    </message>
    <message>
        <source>position</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>level</source>
        <translation>层</translation>
    </message>
    <message>
        <source>bin range</source>
        <translation>库位范围</translation>
    </message>
    <message>
        <source>default warehouse</source>
        <translation>默认发货仓</translation>
    </message>
    <message>
        <source>weight tolerance</source>
        <translation>重量公差</translation>
    </message>
    <message>
        <source>weight tolerance floor</source>
        <translation>重量公差下限</translation>
    </message>
    <message>
        <source>packing material</source>
        <translation>包装材料</translation>
    </message>
    <message>
        <source>capacity units</source>
        <translation>容量件数</translation>
    </message>
    <message>
        <source>capacity litres</source>
        <translation>容量升数</translation>
    </message>
    <message>
        <source>is not a valid code (letters A-Z, digits, - and _)</source>
        <translation>不是有效编码（只能用字母 A-Z、数字、- 和 _）</translation>
    </message>
    <message>
        <source>is not a valid bin code (letters, digits, hyphens)</source>
        <translation>不是有效的库位编码（只能用字母、数字和连字符）</translation>
    </message>
    <message>
        <source>is not an ISO 4217 currency code such as USD</source>
        <translation>不是 ISO 4217 币种代码（如 USD）</translation>
    </message>
    <message>
        <source>is not an e-mail address</source>
        <translation>不是有效的邮箱地址</translation>
    </message>
    <message>
        <source>must be a whole number from 0 to 30</source>
        <translation>必须是 0 到 30 之间的整数</translation>
    </message>
    <message>
        <source>must be a percentage from 0 to 50</source>
        <translation>必须是 0 到 50 之间的百分比</translation>
    </message>
    <message>
        <source>must be a whole number of grams from 0 to 5000</source>
        <translation>必须是 0 到 5000 之间的整数克数</translation>
    </message>
    <message>
        <source>is not a time zone such as America/Los_Angeles</source>
        <translation>不是有效时区（如 America/Los_Angeles）</translation>
    </message>
    <message>
        <source>is not a time of day as HH:MM, such as 14:00</source>
        <translation>不是 HH:MM 格式的时间（如 14:00）</translation>
    </message>
    <message>
        <source>is not a region (US-West or US-East)</source>
        <translation>不是有效区域（US-West 或 US-East）</translation>
    </message>
    <message>
        <source>is not a US state</source>
        <translation>不是美国的州</translation>
    </message>
    <message>
        <source>is not a US ZIP code</source>
        <translation>不是美国邮编</translation>
    </message>
    <message>
        <source>is not a bin type (pick, storage, staging, receiving, returns, damaged)</source>
        <translation>不是库位类型（pick 拣货、storage 存储、staging 暂存、receiving 收货、returns 退货、damaged 残次）</translation>
    </message>
    <message>
        <source>is not an aisle (letters such as A or AB, or a number)</source>
        <translation>不是有效巷道（字母如 A、AB，或数字）</translation>
    </message>
    <message>
        <source>is not a range of whole numbers such as 1-20</source>
        <translation>不是整数范围（如 1-20）</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>不能为负数</translation>
    </message>
    <message>
        <source>must be more than 0 (leave empty for no limit)</source>
        <translation>必须大于 0（不限则留空）</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <source>must be at most 16 characters</source>
        <translation>最多 16 个字符</translation>
    </message>
    <message>
        <source>makes more than 2000 bins; split it into smaller ranges</source>
        <translation>超过 2000 个库位；请分成较小的范围</translation>
    </message>
</context>
</TS>
