<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>InboundImportDialog</name>
    <message>
        <source>Import inbound shipments</source>
        <translation>导入入库预报</translation>
    </message>
    <message>
        <source>CSV or Excel (.xlsx) file</source>
        <translation>CSV 或 Excel（.xlsx）文件</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Check file</source>
        <translation>检查文件</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Arrives at warehouse</source>
        <translation>到货仓库</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>One row per SKU in a carton: reference, carton, sku, quantity (eta, container, tracking optional). English or Chinese headers (入库单号, 箱号, SKU, 数量 …).</source>
        <translation>每箱每个 SKU 一行：入库单号、箱号、SKU、数量（预计到达、柜号、追踪号可选）。表头可用英文或中文（reference, carton, sku, quantity …）。</translation>
    </message>
    <message>
        <source>Import all</source>
        <translation>全部导入</translation>
    </message>
    <message>
        <source>Import good shipments only</source>
        <translation>只导入无误的入库单</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Choose a shipment file</source>
        <translation>选择入库预报文件</translation>
    </message>
    <message>
        <source>Shipment files (*.csv *.xlsx *.txt);;All files (*)</source>
        <translation>入库预报文件 (*.csv *.xlsx *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>正在检查文件…</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s): </source>
        <translation>
            <numerusform>%n 行：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shipment(s) to announce</source>
        <translation>
            <numerusform>可预报 %n 个入库单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n carton(s)</source>
        <translation>
            <numerusform>%n 箱</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n row(s) with problems, listed below.</source>
        <translation>
            <numerusform>；%n 行有问题，见下表。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InboundModels</name>
    <message>
        <source>announced</source>
        <translation>已预报</translation>
    </message>
    <message>
        <source>arrived</source>
        <translation>已到货</translation>
    </message>
    <message>
        <source>receiving</source>
        <translation>收货中</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已完成</translation>
    </message>
</context>
<context>
    <name>InboundPage</name>
    <message>
        <source>All clients</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>Open shipments</source>
        <translation>未完成的入库单</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Import file…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <source>New shipment…</source>
        <translation>新建入库单…</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>已到货</translation>
    </message>
    <message>
        <source>The shipment is at the dock</source>
        <translation>货已到月台</translation>
    </message>
    <message>
        <source>Print carton labels</source>
        <translation>打印箱唛</translation>
    </message>
    <message>
        <source>One 4x6 label per carton, on this station&apos;s label printer</source>
        <translation>每箱一张 4x6 标签，在本工作站的标签打印机上打印</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <source>Close and report…</source>
        <translation>完成收货并出报告…</translation>
    </message>
    <message>
        <source>Post the received units to stock, make the put-away tasks and save the discrepancy report for the client</source>
        <translation>把实收数量入账、生成上架任务，并保存给客户的收货差异报告</translation>
    </message>
    <message>
        <source>Report…</source>
        <translation>报告…</translation>
    </message>
    <message>
        <source>Map to SKU…</source>
        <translation>指定 SKU…</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>拒收</translation>
    </message>
    <message>
        <source>The units are not taken into stock (sent back or disposed of)</source>
        <translation>这些货不入库存（退回或销毁）</translation>
    </message>
    <message>
        <source>Codes the dock could not match to a SKU of the client wait in quarantine.</source>
        <translation>月台无法对应到客户 SKU 的条码，货物放在隔离区等待处理。</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>明细</translation>
    </message>
    <message>
        <source>Unknown codes</source>
        <translation>未知条码</translation>
    </message>
    <message numerus="yes">
        <source>%n shipment(s)</source>
        <translation>
            <numerusform>%n 个入库单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unknown codes (%n)</source>
        <translation>
            <numerusform>未知条码（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>Announced: {shipments}.</source>
        <translation>已预报：{shipments}。</translation>
    </message>
    <message>
        <source>Shipment {reference} announced: {cartons}.</source>
        <translation>入库单 {reference} 已预报：{cartons}。</translation>
    </message>
    <message numerus="yes">
        <source>%n carton(s)</source>
        <translation>
            <numerusform>%n 箱</numerusform>
        </translation>
    </message>
    <message>
        <source>{reference} has arrived.</source>
        <translation>{reference} 已到货。</translation>
    </message>
    <message numerus="yes">
        <source>Printing %n carton label(s) on {printer}…</source>
        <translation>
            <numerusform>正在 {printer} 上打印 %n 张箱唛…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n carton label(s) of {reference} sent to {printer}.</source>
        <translation>
            <numerusform>{reference} 的 %n 张箱唛已发送到 {printer}。</numerusform>
        </translation>
    </message>
    <message>
        <source>Job {job} was not printed and waits in the print queue (Printing screen): {error}</source>
        <translation>打印任务 {job} 未打印，已在打印队列中等待（打印页面）：{error}</translation>
    </message>
    <message>
        <source>Save carton labels</source>
        <translation>保存箱唛标签</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Close shipment</source>
        <translation>完成收货</translation>
    </message>
    <message>
        <source>Close {reference}? The received units are posted to stock and put-away tasks are made; nothing more can be received on it.</source>
        <translation>完成 {reference} 的收货？实收数量将入账并生成上架任务，之后不能再收货。</translation>
    </message>
    <message>
        <source>Save the discrepancy report</source>
        <translation>保存收货差异报告</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;CSV (*.csv)</source>
        <translation>PDF (*.pdf);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>{reference} closed: {tasks} to put away.</source>
        <translation>{reference} 已完成收货：待上架 {tasks}。</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n 个任务</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved {file}.</source>
        <translation>已保存 {file}。</translation>
    </message>
    <message>
        <source>Map to SKU</source>
        <translation>指定 SKU</translation>
    </message>
    <message>
        <source>Code {code} of carton {carton} is which SKU of client {client}?</source>
        <translation>箱 {carton} 中的条码 {code} 是客户 {client} 的哪个 SKU？</translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) are SKU {sku}: out of quarantine.</source>
        <translation>
            <numerusform>%n 件确认为 SKU {sku}，移出隔离区。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reject code {code} (%n unit(s))? They are not taken into stock.</source>
        <translation>
            <numerusform>拒收条码 {code}（%n 件）？这些货不入库存。</numerusform>
        </translation>
    </message>
    <message>
        <source>Rejected.</source>
        <translation>已拒收。</translation>
    </message>
</context>
<context>
    <name>InboundProblemsModel</name>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>入库单号</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>LinesModel</name>
    <message>
        <source>Carton</source>
        <translation>箱号</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>品名</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>预报</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>实收</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>破损</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Unknown code — rejected</source>
        <translation>未知条码 — 已拒收</translation>
    </message>
    <message>
        <source>Unknown code — in quarantine</source>
        <translation>未知条码 — 在隔离区</translation>
    </message>
</context>
<context>
    <name>LotDialog</name>
    <message>
        <source>Lot and expiry</source>
        <translation>批次和有效期</translation>
    </message>
    <message>
        <source>Scan or type the lot number</source>
        <translation>扫描或输入批次号</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Expiry date</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>SKU {sku} is lot-tracked: enter the lot and expiry date printed on the carton or product.</source>
        <translation>SKU {sku} 按批次管理：请输入箱上或商品上印的批次号和有效期。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Inbound</source>
        <translation>入库预报</translation>
    </message>
    <message>
        <source>Receiving</source>
        <extracomment>A typed number up to this many digits is a count; longer ones are barcodes.</extracomment>
        <translation>收货</translation>
    </message>
</context>
<context>
    <name>NewShipmentDialog</name>
    <message>
        <source>New inbound shipment</source>
        <extracomment>Saves the shipment; it accepts the dialog when saved, or calls show_error.</extracomment>
        <translation>新建入库单</translation>
    </message>
    <message>
        <source>The seller&apos;s shipment number</source>
        <translation>卖家的入库单号</translation>
    </message>
    <message>
        <source>Expected on</source>
        <translation>指定日期</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>入库单号</translation>
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
        <source>ETA</source>
        <translation>预计到达</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>柜号</translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation>追踪号</translation>
    </message>
    <message>
        <source>Carton</source>
        <translation>箱号</translation>
    </message>
    <message>
        <source>SKU or barcode</source>
        <translation>SKU 或条码</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Add row</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation>删除一行</translation>
    </message>
    <message>
        <source>Announce</source>
        <translation>预报</translation>
    </message>
    <message>
        <source>Cartons and their SKUs (one row per SKU in a carton):</source>
        <translation>箱子及其 SKU（每箱每个 SKU 一行）：</translation>
    </message>
</context>
<context>
    <name>ReceivingPage</name>
    <message>
        <source>Shipment</source>
        <extracomment>(reference, client, carton) being counted. Lots typed for lot-tracked SKUs: (reference, SKU as scanned) -&gt; (lot, expiry).</extracomment>
        <translation>入库单</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>破损</translation>
    </message>
    <message>
        <source>Other carton</source>
        <translation>换一箱</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Sound on</source>
        <translation>声音开</translation>
    </message>
    <message>
        <source>Next scan counts</source>
        <translation>下次扫描计数</translation>
    </message>
    <message>
        <source>Scan here (or type and press Enter)</source>
        <translation>在此扫描（或输入后按回车）</translation>
    </message>
    <message>
        <source>Scan a carton label.</source>
        <translation>请扫描箱唛。</translation>
    </message>
    <message>
        <source>Scan the next carton label.</source>
        <translation>请扫描下一箱的箱唛。</translation>
    </message>
    <message>
        <source>Sound off</source>
        <translation>声音关</translation>
    </message>
    <message>
        <source>(from the carton label)</source>
        <translation>（按箱唛识别）</translation>
    </message>
    <message numerus="yes">
        <source>%n open shipment(s)</source>
        <translation>
            <numerusform>%n 个未完成的入库单</numerusform>
        </translation>
    </message>
    <message>
        <source>Scan or type a carton number of {reference}.</source>
        <translation>请扫描或输入 {reference} 的箱号。</translation>
    </message>
    <message>
        <source>Scan a carton label first (or choose the shipment above and scan the carton&apos;s number).</source>
        <translation>请先扫描箱唛（或在上方选择入库单后扫描箱号）。</translation>
    </message>
    <message>
        <source>Next scan counts {count}.</source>
        <translation>下次扫描计 {count} 件。</translation>
    </message>
    <message>
        <source>Carton {carton} of {reference}: scan its units.</source>
        <translation>{reference} 的箱 {carton}：请扫描箱内商品。</translation>
    </message>
    <message numerus="yes">
        <source>Unknown code {code}: %n unit(s) to quarantine bin {bin}. Put them aside; the office will identify them.</source>
        <translation>
            <numerusform>未知条码 {code}：%n 件放入隔离库位 {bin}。请单独放置，由办公室确认。</numerusform>
        </translation>
    </message>
    <message>
        <source>{count} damaged × {sku} to bin {bin}.</source>
        <translation>{count} 件破损 × {sku} 放入库位 {bin}。</translation>
    </message>
    <message>
        <source>{count} × {sku} to bin {bin}.</source>
        <translation>{count} × {sku} 放入库位 {bin}。</translation>
    </message>
    <message>
        <source>{received} of {expected} received.</source>
        <translation>已收 {received} / 预报 {expected}。</translation>
    </message>
    <message>
        <source>Not announced in this carton: recorded as extra.</source>
        <translation>本箱未预报此 SKU：记为多收。</translation>
    </message>
    <message>
        <source>Over by {n}.</source>
        <translation>多收 {n} 件。</translation>
    </message>
    <message>
        <source>No carton open</source>
        <translation>未打开箱子</translation>
    </message>
    <message>
        <source>Carton {carton} · {reference} · {counted} of {expected} counted</source>
        <translation>箱 {carton} · {reference} · 已点 {counted} / {expected}</translation>
    </message>
    <message numerus="yes">
        <source>Next scan: %n DAMAGED unit(s).</source>
        <translation>
            <numerusform>下次扫描：%n 件破损。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Next scan: %n unit(s).</source>
        <translation>
            <numerusform>下次扫描：%n 件。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShipmentsModel</name>
    <message>
        <source>Reference</source>
        <translation>入库单号</translation>
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
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>预计到达</translation>
    </message>
    <message>
        <source>Cartons</source>
        <translation>箱数</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>预报</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>实收</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>破损</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Announced</source>
        <translation>预报时间</translation>
    </message>
</context>
<context>
    <name>UnknownModel</name>
    <message>
        <source>Reference</source>
        <translation>入库单号</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Carton</source>
        <translation>箱号</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已拒收</translation>
    </message>
    <message>
        <source>to identify</source>
        <translation>待确认</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>client {client} has no SKU {sku}</source>
        <translation>客户 {client} 没有 SKU {sku}</translation>
    </message>
    <message>
        <source>SKU {sku} belongs to client {owner}, not to client {client}</source>
        <translation>SKU {sku} 属于客户 {owner}，不属于客户 {client}</translation>
    </message>
    <message>
        <source>shipment {reference} is already announced for client {client}</source>
        <translation>入库单 {reference} 已为客户 {client} 预报过</translation>
    </message>
    <message>
        <source>SKU {sku} of carton {carton} is also on line {other_line}</source>
        <translation>箱 {carton} 的 SKU {sku} 在第 {other_line} 行也有</translation>
    </message>
    <message>
        <source>{column} &apos;{value}&apos; differs from line {other_line} of the same shipment</source>
        <translation>{column} &apos;{value}&apos; 与同一入库单第 {other_line} 行不同</translation>
    </message>
</context>
</TS>
