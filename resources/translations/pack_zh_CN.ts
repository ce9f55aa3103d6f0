<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CarrierLabels</name>
    <message>
        <source>Order {order} is packed, but its label was not bought: {error} F7 buys it again.</source>
        <translation>订单 {order} 已打包，但面单没有买到：{error} 按 F7 重新购买。</translation>
    </message>
    <message>
        <source>Label for order {order} bought ✓ — printing.</source>
        <translation>订单 {order} 的面单已购买 ✓ — 正在打印。</translation>
    </message>
    <message>
        <source>Label for order {order} bought ✓ — F7 prints it.</source>
        <translation>订单 {order} 的面单已购买 ✓ — 按 F7 打印。</translation>
    </message>
</context>
<context>
    <name>LineCard</name>
    <message>
        <source>No
picture</source>
        <translation>无
图片</translation>
    </message>
    <message>
        <source>Bin {bins}</source>
        <translation>库位 {bins}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Pack station</source>
        <extracomment>(key, action name); the page connects them by name.</extracomment>
        <translation>打包台</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Supervisor override</source>
        <translation>主管放行</translation>
    </message>
    <message>
        <source>Parcel {seq} of order {order}: expected {expected} g, actual {actual} g (difference {difference:+d} g).</source>
        <translation>订单 {order} 第 {seq} 箱：应重 {expected} 克，实重 {actual} 克（差 {difference:+d} 克）。</translation>
    </message>
    <message>
        <source>e.g. the buyer&apos;s gift box is heavier</source>
        <translation>例如：买家要求的礼盒更重</translation>
    </message>
    <message>
        <source>Supervisor PIN:</source>
        <translation>主管密码：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Enter the supervisor&apos;s PIN.</source>
        <translation>请输入主管密码。</translation>
    </message>
    <message>
        <source>Enter the reason.</source>
        <translation>请输入原因。</translation>
    </message>
</context>
<context>
    <name>PackPage</name>
    <message>
        <source>Station {name} · auto-print {state}</source>
        <extracomment>&quot;5*SKU&quot; (or 5 * SKU, 5×SKU): five units of one SKU in one scan. Not &quot;5x&quot;: SKU codes such as &quot;2X4-BOARD&quot; would read as a count. A reading at or below this is an empty platter: the next parcel is weighed afresh. A new stable weight within this of the last checked one is the same parcel. The screen shows a new state of the order (after a scan, a weight, packing). A label or slip job was sent (or failed and waits in the queue). A count for the next item scan (F3), None: one unit. F6 was pressed: weigh the current box, then open a new one. The weight last checked: not taken again until the platter is emptied or the weight changes (a refused parcel being fixed, or the next order&apos;s parcel put on the scale before the last one is taken off).</extracomment>
        <translation>工作站 {name} · 自动打印{state}</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>Scan the order, then each unit (5*SKU for five). Scan a box to change it. The weight is taken when the scale is stable. F2 put the order back · F3 count · F4 weigh now · F5 reload · F6 new box · F7/F8 reprint label/slip · F9 supervisor override · F10 sound · F12 finish.</source>
        <translation>先扫订单，再逐件扫商品（5*SKU 表示 5 件）。扫箱型条码可换箱。秤稳定后自动称重。F2 放回订单 · F3 数量 · F4 立即称重 · F5 刷新 · F6 新开一箱 · F7/F8 补打面单/装箱单 · F9 主管放行 · F10 声音 · F12 完成。</translation>
    </message>
    <message>
        <source>Order {order} put back: its scans are discarded.</source>
        <translation>订单 {order} 已放回：已扫记录作废。</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>How many units does the next scan count?</source>
        <translation>下一次扫描计多少件？</translation>
    </message>
    <message>
        <source>The next item scan counts {count} units.</source>
        <translation>下一次扫商品计 {count} 件。</translation>
    </message>
    <message>
        <source>Box {seq} is open and empty: scan units into it.</source>
        <translation>第 {seq} 箱已打开且为空：请扫入商品。</translation>
    </message>
    <message>
        <source>Put box {seq} on the scale: it is weighed, then box {next} opens.</source>
        <translation>把第 {seq} 箱放上秤：称重后打开第 {next} 箱。</translation>
    </message>
    <message>
        <source>There is no failed weight check to override.</source>
        <translation>没有未通过的称重核对需要放行。</translation>
    </message>
    <message>
        <source>Order {order}: looking only (you may not pack).</source>
        <translation>订单 {order}：仅查看（您没有打包权限）。</translation>
    </message>
    <message numerus="yes">
        <source>Order {order} on the bench: %n unit(s) to scan.</source>
        <translation>
            <numerusform>订单 {order} 已上台：待扫 %n 件。</numerusform>
        </translation>
    </message>
    <message>
        <source>+{quantity} {sku} — {scanned} of {wanted} in box {seq}</source>
        <translation>+{quantity} {sku} — 已扫 {scanned}/{wanted}，装入第 {seq} 箱</translation>
    </message>
    <message>
        <source>Box {box} chosen.</source>
        <translation>已选箱型 {box}。</translation>
    </message>
    <message>
        <source>Box {seq} open: scan the units that go into it.</source>
        <translation>第 {seq} 箱已打开：请扫入要装进这一箱的商品。</translation>
    </message>
    <message>
        <source>Order {order} packed ✓ — buying its label. Scan the next order.</source>
        <translation>订单 {order} 已打包 ✓ — 正在购买面单。请扫描下一个订单。</translation>
    </message>
    <message>
        <source>Order {order} packed ✓ — label printing. Scan the next order.</source>
        <translation>订单 {order} 已打包 ✓ — 面单打印中。请扫下一单。</translation>
    </message>
    <message>
        <source>Order {order} packed ✓ — no label printer: set one in Settings, then F7 prints the label.</source>
        <translation>订单 {order} 已打包 ✓ — 没有面单打印机：请在设置中指定，然后按 F7 打印面单。</translation>
    </message>
    <message>
        <source>Order {order} packed ✓ — auto-print is off: F7 prints the label.</source>
        <translation>订单 {order} 已打包 ✓ — 自动打印已关闭：按 F7 打印面单。</translation>
    </message>
    <message>
        <source>Scan a packed order first: only a packed order&apos;s label and slip are reprinted.</source>
        <translation>请先扫一个已打包的订单：只有已打包订单才能补打面单和装箱单。</translation>
    </message>
    <message>
        <source>No printer is set up on this station (Settings → Printers).</source>
        <translation>本工作站没有设置打印机（设置 → 打印机）。</translation>
    </message>
    <message>
        <source>Reprinting for order {order}.</source>
        <translation>正在补打订单 {order}。</translation>
    </message>
    <message>
        <source>The printer did not take {reference}: {error} It waits in the print queue (Printing screen); the order stays packed.</source>
        <translation>打印机未接收 {reference}：{error} 它在打印队列中等待（打印页面）；订单仍为已打包。</translation>
    </message>
    <message>
        <source>No scale is set up for this station (Settings → Scale).</source>
        <translation>本工作站没有设置电子秤（设置 → 电子秤）。</translation>
    </message>
    <message>
        <source>Scan an order to pack first.</source>
        <translation>请先扫描要打包的订单。</translation>
    </message>
    <message>
        <source>Scan an order, a tote or a label</source>
        <translation>请扫订单号、周转箱或面单</translation>
    </message>
    <message>
        <source>STOP: do not pack this order</source>
        <translation>停止：不要打包此订单</translation>
    </message>
    <message>
        <source>Packed — F7 reprint label · F8 reprint slip · scan the next order</source>
        <translation>已打包 — F7 补打面单 · F8 补打装箱单 · 扫下一单</translation>
    </message>
    <message>
        <source>Looking only — scan another order</source>
        <translation>仅查看 — 请扫其他订单</translation>
    </message>
    <message>
        <source>Weight check failed: fix the contents and weigh again, or F9 supervisor override</source>
        <translation>称重核对未通过：核对箱内商品后重新称重，或按 F9 主管放行</translation>
    </message>
    <message>
        <source>No scale: set one up in Settings to weigh this box</source>
        <translation>没有电子秤：请在设置中指定后再称这一箱</translation>
    </message>
    <message>
        <source>The scale is not answering: check its cable and power</source>
        <translation>电子秤无响应：请检查连接线和电源</translation>
    </message>
    <message>
        <source>Put box {seq} on the scale</source>
        <translation>把第 {seq} 箱放上秤</translation>
    </message>
    <message numerus="yes">
        <source>Scan each unit: %n unit(s) left (5*SKU counts five)</source>
        <translation>
            <numerusform>逐件扫描：还剩 %n 件（5*SKU 计 5 件）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PackPanel</name>
    <message>
        <source>Scan here (or type and press Enter)</source>
        <translation>在此扫描（或输入后按回车）</translation>
    </message>
    <message>
        <source>Scan an order, a tote or a label</source>
        <translation>请扫订单号、周转箱或面单</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <source>Put back</source>
        <translation>放回</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Weigh now</source>
        <translation>立即称重</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>New box</source>
        <translation>新开一箱</translation>
    </message>
    <message>
        <source>Reprint label</source>
        <translation>补打面单</translation>
    </message>
    <message>
        <source>Reprint slip</source>
        <translation>补打装箱单</translation>
    </message>
    <message>
        <source>Supervisor override</source>
        <translation>主管放行</translation>
    </message>
    <message>
        <source>Sound off</source>
        <translation>声音关</translation>
    </message>
    <message>
        <source>Sound on</source>
        <translation>声音开</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>No order on the bench</source>
        <translation>打包台上没有订单</translation>
    </message>
    <message>
        <source>Box: —</source>
        <translation>箱型：—</translation>
    </message>
    <message>
        <source> · PACKED</source>
        <translation> · 已打包</translation>
    </message>
    <message>
        <source> · STOPPED</source>
        <translation> · 已拦截</translation>
    </message>
    <message>
        <source>Order {order} · {client}{state}</source>
        <translation>订单 {order} · {client}{state}</translation>
    </message>
    <message>
        <source>{scanned} of {units} units</source>
        <translation>已扫 {scanned}/{units} 件</translation>
    </message>
    <message>
        <source>Box: &lt;b&gt;{box}&lt;/b&gt;</source>
        <translation>箱型：&lt;b&gt;{box}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Box: &lt;b&gt;{box}&lt;/b&gt; (scanned)</source>
        <translation>箱型：&lt;b&gt;{box}&lt;/b&gt;（已扫描）</translation>
    </message>
    <message>
        <source>Box: &lt;b&gt;{box}&lt;/b&gt; — suggested&lt;br&gt;inside {inner} mm&lt;br&gt;tare {tare} g · max {max} g&lt;br&gt;Scan another box&apos;s barcode to change it.</source>
        <translation>箱型：&lt;b&gt;{box}&lt;/b&gt; — 推荐&lt;br&gt;内尺寸 {inner} 毫米&lt;br&gt;皮重 {tare} 克 · 最大 {max} 克&lt;br&gt;扫其他箱型条码可更换。</translation>
    </message>
    <message>
        <source>Box: no box in the catalogue fits — scan a box or start a new box (F6).</source>
        <translation>箱型：目录中没有合适的箱子 — 请扫一个箱型或新开一箱（F6）。</translation>
    </message>
    <message>
        <source>{grams} g</source>
        <translation>{grams} 克</translation>
    </message>
    <message>
        <source>not weighed yet</source>
        <translation>尚未称重</translation>
    </message>
    <message numerus="yes">
        <source>Box {seq}: %n unit(s)</source>
        <translation>
            <numerusform>第 {seq} 箱：%n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Weight check: waiting for a stable weight</source>
        <translation>称重核对：等待稳定重量</translation>
    </message>
    <message>
        <source>WEIGHT CHECK FAILED</source>
        <translation>称重核对未通过</translation>
    </message>
    <message>
        <source>Weight check passed ✓</source>
        <translation>称重核对通过 ✓</translation>
    </message>
    <message>
        <source>Overridden by {who}</source>
        <translation>已由 {who} 放行</translation>
    </message>
    <message>
        <source>Dim weight {dim} · billable {billable}</source>
        <translation>体积重 {dim} · 计费重 {billable}</translation>
    </message>
    <message>
        <source>Expected {expected} ± {tolerance}&lt;br&gt;Actual {actual}&lt;br&gt;&lt;b&gt;Difference {difference:+d} g&lt;/b&gt;</source>
        <translation>应重 {expected} ± {tolerance}&lt;br&gt;实重 {actual}&lt;br&gt;&lt;b&gt;差值 {difference:+d} 克&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <source>Packed this hour: %n order(s)</source>
        <translation>
            <numerusform>本小时已打包：%n 单</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StationPrinters</name>
    <message>
        <source>Label printer: {name}</source>
        <extracomment>A job was sent (:class:`DeliveryResult`, ``error`` set when it waits in the queue), or sending failed outright (the exception).</extracomment>
        <translation>面单打印机：{name}</translation>
    </message>
    <message>
        <source>Label printer: none — set one in Settings</source>
        <translation>面单打印机：未设置 — 请在设置中指定</translation>
    </message>
    <message>
        <source>Slip printer: {name}</source>
        <translation>装箱单打印机：{name}</translation>
    </message>
    <message>
        <source>Slip printer: none</source>
        <translation>装箱单打印机：无</translation>
    </message>
    <message>
        <source>{printer}: printed {reference} ✓</source>
        <translation>{printer}：已打印 {reference} ✓</translation>
    </message>
    <message>
        <source>{printer}: not printing — {reference} waits in the print queue</source>
        <translation>{printer}：未打印 — {reference} 在打印队列中等待</translation>
    </message>
</context>
<context>
    <name>StopOverlay</name>
    <message>
        <source>Put the units in the returns-to-stock tray. Scan the next order to go on.</source>
        <translation>把商品放进退回上架筐。扫下一单继续。</translation>
    </message>
    <message>
        <source>STOP — DO NOT PACK</source>
        <translation>停止 — 不要打包</translation>
    </message>
    <message>
        <source>{qty} × {sku} → bin {bin}</source>
        <translation>{qty} × {sku} → 库位 {bin}</translation>
    </message>
    <message>
        <source>Restock task: {units}</source>
        <translation>退回上架任务：{units}</translation>
    </message>
    <message>
        <source>Put back on the shelf: {units}</source>
        <translation>放回货架：{units}</translation>
    </message>
    <message>
        <source>Nothing was picked for it: no units to put back.</source>
        <translation>此单尚未拣货：没有需要放回的商品。</translation>
    </message>
</context>
</TS>
