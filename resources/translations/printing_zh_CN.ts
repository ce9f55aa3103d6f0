<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>FlaggedLabelModel</name>
    <message>
        <source>Label</source>
        <translation>面单</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Also on</source>
        <translation>同运单号的订单</translation>
    </message>
</context>
<context>
    <name>FlaggedLabelsBox</name>
    <message>
        <source>Accept…</source>
        <translation>确认…</translation>
    </message>
    <message>
        <source>The label is right (e.g. the seller&apos;s reprint of the same parcel): it prints again; your reason is kept in the audit log.</source>
        <translation>面单无误（例如卖家为同一包裹重发的面单）：可再次打印；您的理由会记入审计日志。</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>Remove the label from its order; the order uses its bought or warehouse label.</source>
        <translation>将面单从订单移除；订单改用已购面单或仓库自有面单。</translation>
    </message>
    <message numerus="yes">
        <source>%n flagged label(s): not printed until accepted or discarded</source>
        <translation>
            <numerusform>%n 张被标记的面单：确认或作废之前不会打印</numerusform>
        </translation>
    </message>
    <message>
        <source>Accept flagged label</source>
        <translation>确认被标记的面单</translation>
    </message>
    <message>
        <source>Why is the label of {order} right although {others} has its tracking number?</source>
        <translation>订单 {others} 也有此运单号，为何 {order} 的面单仍然无误？</translation>
    </message>
    <message>
        <source>Discard label</source>
        <translation>作废面单</translation>
    </message>
    <message>
        <source>Remove label {label} from order {order}?</source>
        <translation>要将面单 {label} 从订单 {order} 移除吗？</translation>
    </message>
    <message>
        <source>Label {label} of order {order} accepted: it prints now.</source>
        <translation>订单 {order} 的面单 {label} 已确认，现在可以打印。</translation>
    </message>
    <message>
        <source>Label {label} removed from order {order}.</source>
        <translation>面单 {label} 已从订单 {order} 移除。</translation>
    </message>
</context>
<context>
    <name>LabelMatchModel</name>
    <message>
        <source>Names two orders ({orders}): attached to neither</source>
        <translation>同时对应两个订单（{orders}）：未关联到任何订单</translation>
    </message>
    <message>
        <source>Tracking number also on {orders}: check before shipping</source>
        <translation>运单号也用在 {orders} 上：发货前请核对</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Tracking / text read</source>
        <translation>运单号 / 识别到的文字</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>需核对</translation>
    </message>
    <message>
        <source>Two orders</source>
        <translation>对应两个订单</translation>
    </message>
    <message>
        <source>No matching order</source>
        <translation>无匹配订单</translation>
    </message>
    <message>
        <source>nothing readable</source>
        <translation>无可识别内容</translation>
    </message>
</context>
<context>
    <name>PrintQueueModel</name>
    <message>
        <source>Job</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>尝试</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>{kind} ×{copies}</source>
        <translation>{kind} ×{copies}</translation>
    </message>
</context>
<context>
    <name>PrintersSection</name>
    <message>
        <source>Add printer</source>
        <translation>添加打印机</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>tcp://HOST:9100 (network), serial:///dev/ttyUSB0?baud=9600 or serial://COM3, usb://VID:PID, cups://QUEUE, win32://PRINTER NAME, file:///PATH</source>
        <translation>tcp://主机:9100（网络）、serial:///dev/ttyUSB0?baud=9600 或 serial://COM3、usb://VID:PID、cups://队列名、win32://打印机名称、file:///路径</translation>
    </message>
    <message>
        <source>TSPL (Rollo, TSC, iDPRT, Xprinter…)</source>
        <translation>TSPL（Rollo、TSC、iDPRT、芯烨…）</translation>
    </message>
    <message>
        <source>ZPL (Zebra and compatibles)</source>
        <translation>ZPL（斑马及兼容机型）</translation>
    </message>
    <message>
        <source>ESC/POS (receipt printers)</source>
        <translation>ESC/POS（小票打印机）</translation>
    </message>
    <message>
        <source>PDF (office printer)</source>
        <translation>PDF（办公打印机）</translation>
    </message>
    <message>
        <source>{dpi} dpi</source>
        <translation>{dpi} dpi</translation>
    </message>
    <message>
        <source>4 × 6 in label</source>
        <translation>4 × 6 英寸标签</translation>
    </message>
    <message>
        <source>4 × 2 in label</source>
        <translation>4 × 2 英寸标签</translation>
    </message>
    <message>
        <source>50 × 30 mm label</source>
        <translation>50 × 30 毫米标签</translation>
    </message>
    <message>
        <source>2.25 × 1.25 in label</source>
        <translation>2.25 × 1.25 英寸标签</translation>
    </message>
    <message>
        <source>Letter paper</source>
        <translation>Letter 纸</translation>
    </message>
    <message>
        <source>A4 paper</source>
        <translation>A4 纸</translation>
    </message>
    <message>
        <source>Custom size</source>
        <translation>自定义尺寸</translation>
    </message>
    <message>
        <source>{degrees}°</source>
        <translation>{degrees}°</translation>
    </message>
    <message>
        <source>Print test page</source>
        <translation>打印测试页</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>指令语言</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>分辨率</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>纸张</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>旋转</translation>
    </message>
    <message>
        <source>Use for</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Shipping and bin labels</source>
        <translation>面单和库位标签</translation>
    </message>
    <message>
        <source>SKU labels</source>
        <translation>SKU 标签</translation>
    </message>
    <message>
        <source>Packing slips and pick lists</source>
        <translation>装箱单和拣货单</translation>
    </message>
    <message>
        <source>A role left on Automatic uses the label printer, or the only printer.</source>
        <translation>设为“自动”的用途使用面单打印机；只有一台打印机时都用它。</translation>
    </message>
    <message>
        <source>Printers</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>Two printers are called &apos;{name}&apos;; rename one.</source>
        <translation>有两台打印机都叫“{name}”，请重命名其中一台。</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（未命名）</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Label printer</source>
        <translation>标签打印机</translation>
    </message>
    <message>
        <source>Sending a test page to {printer}…</source>
        <translation>正在向 {printer} 发送测试页…</translation>
    </message>
    <message>
        <source>Test page sent ({bytes} bytes). Check that the barcode scans.</source>
        <translation>测试页已发送（{bytes} 字节）。请检查条码能否扫描。</translation>
    </message>
    <message>
        <source>Test page failed: {error}</source>
        <translation>测试页打印失败：{error}</translation>
    </message>
</context>
<context>
    <name>PrintingNames</name>
    <message>
        <source>Shipping label</source>
        <translation>面单</translation>
    </message>
    <message>
        <source>Packing slip</source>
        <translation>装箱单</translation>
    </message>
    <message>
        <source>Pick list</source>
        <translation>拣货单</translation>
    </message>
    <message>
        <source>Bin labels</source>
        <translation>库位标签</translation>
    </message>
    <message>
        <source>SKU labels</source>
        <translation>SKU 标签</translation>
    </message>
    <message>
        <source>Test page</source>
        <translation>测试页</translation>
    </message>
    <message>
        <source>Carrier label</source>
        <translation>物流面单</translation>
    </message>
    <message>
        <source>Manifest</source>
        <translation>交接单</translation>
    </message>
    <message>
        <source>Carton labels</source>
        <translation>箱唛</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
</context>
<context>
    <name>PrintingPage</name>
    <message>
        <source>Printing</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Automatic uses this station&apos;s printer for each kind of document (Settings → Printers).</source>
        <translation>“自动”会按单据类型使用本工作站设置的打印机（设置 → 打印机）。</translation>
    </message>
    <message>
        <source>Print on</source>
        <translation>打印到</translation>
    </message>
    <message>
        <source>Bin labels</source>
        <translation>库位标签</translation>
    </message>
    <message>
        <source>SKU labels</source>
        <translation>SKU 标签</translation>
    </message>
    <message>
        <source>Seller labels</source>
        <translation>卖家面单</translation>
    </message>
    <message>
        <source>Automatic (by document)</source>
        <translation>自动（按单据类型）</translation>
    </message>
    <message>
        <source>Print queue</source>
        <translation>打印队列</translation>
    </message>
    <message>
        <source>All jobs</source>
        <translation>全部任务</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Send a failed job again, with the same document</source>
        <translation>用同一份文件重新发送失败的任务</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>补打</translation>
    </message>
    <message>
        <source>Print the same document again as a new job</source>
        <translation>将同一份文件作为新任务再打印一次</translation>
    </message>
    <message>
        <source>No print jobs here. Labels and documents printed from Orders or below appear in this list, and stay here for a reprint.</source>
        <translation>这里还没有打印任务。在订单页或下方打印的面单和单据会出现在这个列表中，并保留以便补打。</translation>
    </message>
    <message>
        <source>e.g. A-01-01-01</source>
        <translation>例如 A-01-01-01</translation>
    </message>
    <message>
        <source>e.g. A-01-05-04</source>
        <translation>例如 A-01-05-04</translation>
    </message>
    <message>
        <source>Print bin labels</source>
        <translation>打印库位标签</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>From bin</source>
        <translation>起始库位</translation>
    </message>
    <message>
        <source>To bin</source>
        <translation>结束库位</translation>
    </message>
    <message>
        <source>One label per bin, in code order, from the first code to the last (inclusive).</source>
        <translation>按库位编码顺序，每个库位一张标签，包含起始和结束库位。</translation>
    </message>
    <message>
        <source>Scan or type a SKU, UPC or FNSKU</source>
        <translation>扫描或输入 SKU、UPC 或 FNSKU</translation>
    </message>
    <message>
        <source>Print SKU labels</source>
        <translation>打印 SKU 标签</translation>
    </message>
    <message>
        <source>SKU or barcode</source>
        <translation>SKU 或条码</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <source>The barcode is the FNSKU when the SKU has one, otherwise the SKU code.</source>
        <translation>有 FNSKU 时条码为 FNSKU，否则为 SKU 编码。</translation>
    </message>
    <message>
        <source>Any client</source>
        <translation>所有客户</translation>
    </message>
    <message>
        <source>Printing on {printer}…</source>
        <translation>正在 {printer} 上打印…</translation>
    </message>
    <message>
        <source>Job {job} sent to {printer}.</source>
        <translation>任务 {job} 已发送到 {printer}。</translation>
    </message>
    <message>
        <source>Job {job} was not printed and waits in the queue: {error}</source>
        <translation>任务 {job} 未打印，已留在队列中：{error}</translation>
    </message>
    <message>
        <source>Choose a warehouse and type the first bin code.</source>
        <translation>请选择仓库并输入起始库位编码。</translation>
    </message>
</context>
<context>
    <name>SellerLabelsPanel</name>
    <message>
        <source>Import label file…</source>
        <translation>导入面单文件…</translation>
    </message>
    <message>
        <source>Print matched labels now</source>
        <translation>立即打印已匹配的面单</translation>
    </message>
    <message>
        <source>Import label file</source>
        <translation>导入面单文件</translation>
    </message>
    <message>
        <source>PDF, PNG or ZPL files from the seller, or a ZIP of them. Each label is matched to its order by the tracking or order number on it (read from the barcode when the text lacks it); labels that match no order are listed, and a label naming two orders or reusing a tracking number is flagged.</source>
        <translation>卖家提供的 PDF、PNG 或 ZPL 文件，或这些文件的 ZIP 压缩包。每张面单按上面的运单号或订单号匹配到订单（文字中没有时从条码读取）；未匹配到订单的面单会列出，对应两个订单或运单号重复使用的面单会被标记。</translation>
    </message>
    <message>
        <source>Label files (*.pdf *.png *.zpl *.txt *.zip);;All files (*)</source>
        <translation>面单文件 (*.pdf *.png *.zpl *.txt *.zip);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message numerus="yes">
        <source>{file}: %n label(s), {matched} matched, {unmatched} without an order.</source>
        <translation>
            <numerusform>{file}：%n 张面单，{matched} 张已匹配，{unmatched} 张没有对应订单。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) released from the address hold: {numbers}.</source>
        <translation>
            <numerusform>已有 %n 个订单解除地址暂停：{numbers}。</numerusform>
        </translation>
    </message>
    <message>
        <source>Allocated {allocated}, backordered {backordered}.</source>
        <translation>已分配 {allocated} 单，缺货 {backordered} 单。</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) flagged: check before shipping.</source>
        <translation>
            <numerusform>%n 张面单被标记：发货前请核对。</numerusform>
        </translation>
    </message>
    <message>
        <source>{sent} printed, {failed} failed (see the queue).</source>
        <translation>{sent} 张已打印，{failed} 张失败（见打印队列）。</translation>
    </message>
</context>
</TS>
