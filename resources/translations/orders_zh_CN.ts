<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ImportOrdersDialog</name>
    <message>
        <source>New orders wait to be allocated: automatic allocation is off.</source>
        <extracomment>The ui.ini key (per signed-in user) of the client of the last import, preselected next time.</extracomment>
        <translation>新订单等待分配：自动分配已关闭。</translation>
    </message>
    <message>
        <source>Allocated {allocated}, backordered {backordered}.</source>
        <translation>已分配 {allocated} 单，缺货待补 {backordered} 单。</translation>
    </message>
    <message>
        <source>{sku} (need {need}, have {have})</source>
        <translation>{sku}（需 {need}，有 {have}）</translation>
    </message>
    <message>
        <source>Short: {skus}.</source>
        <translation>缺货：{skus}。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Import orders from a file</source>
        <extracomment>The check running: reading the file for the report, or its layout for the mapping.</extracomment>
        <translation>从文件导入订单</translation>
    </message>
    <message>
        <source>CSV or Excel (.xlsx) file</source>
        <translation>CSV 或 Excel (.xlsx) 文件</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Download template…</source>
        <translation>下载模板…</translation>
    </message>
    <message>
        <source>Save an empty order file (CSV or Excel, English or Chinese headers) to send to the seller.</source>
        <translation>保存一个空白订单文件（CSV 或 Excel，英文或中文表头），可发给卖家填写。</translation>
    </message>
    <message>
        <source>Choose the client…</source>
        <translation>请选择客户…</translation>
    </message>
    <message>
        <source>Check file</source>
        <translation>检查文件</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Client (seller)</source>
        <translation>客户（卖家）</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列映射</translation>
    </message>
    <message>
        <source>Choose a file and the client it belongs to, then check it.</source>
        <translation>选择订单文件及其所属客户，然后检查文件。</translation>
    </message>
    <message>
        <source>Import all</source>
        <translation>全部导入</translation>
    </message>
    <message>
        <source>Import valid rows only</source>
        <translation>仅导入有效行</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Choose an order file</source>
        <translation>选择订单文件</translation>
    </message>
    <message>
        <source>Order files (*.csv *.xlsx *.txt);;All files (*)</source>
        <translation>订单文件 (*.csv *.xlsx *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose a file and a client first.</source>
        <translation>请先选择文件和客户。</translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation>正在检查 {file}…</translation>
    </message>
    <message>
        <source>Recognise from the header row</source>
        <translation>按表头自动识别</translation>
    </message>
    <message>
        <source>Preset: {name}</source>
        <translation>方案：{name}</translation>
    </message>
    <message>
        <source>Nothing recognises the layout of {file}.</source>
        <translation>无法识别 {file} 的表格格式。</translation>
    </message>
    <message>
        <source>Replace preset</source>
        <translation>替换方案</translation>
    </message>
    <message>
        <source>This client already has a preset '{name}'. Replace it with this mapping?</source>
        <translation>该客户已有名为“{name}”的方案。要用当前的列对应关系替换它吗？</translation>
    </message>
    <message>
        <source>Template saved to {path}. Send it to the seller, or fill it in and choose it above.</source>
        <translation>模板已保存到 {path}。可发给卖家，或填写后在上方选择该文件。</translation>
    </message>
    <message numerus="yes">
        <source>{file}: %Ln row(s). New orders: {new}. Already imported: {already}. Rejected orders: {rejected}.</source>
        <translation>
            <numerusform>{file}：共 %Ln 行。新订单：{new}。已导入过：{already}。被拒订单：{rejected}。</numerusform>
        </translation>
    </message>
    <message>
        <source>Columns read with the preset '{name}' of {client}.</source>
        <translation>已按 {client} 的列映射方案“{name}”读取。</translation>
    </message>
    <message>
        <source>Read as: {layout}.</source>
        <translation>识别为：{layout}。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln order(s) will be on hold: the platform masked the address, so only its own label can ship them.</source>
        <translation>
            <numerusform>%Ln 个订单将被暂停：平台隐藏了收件地址，只能用平台自己的面单发货。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Problems in %Ln row(s), listed below; fix the file and check again, or import only the valid orders.</source>
        <translation>
            <numerusform>%Ln 行有问题（见下方列表）；请修改文件后重新检查，或只导入有效订单。</numerusform>
        </translation>
    </message>
    <message>
        <source>The file is clean.</source>
        <translation>文件没有问题。</translation>
    </message>
    <message>
        <source>There is nothing new to import.</source>
        <translation>没有需要导入的新订单。</translation>
    </message>
    <message>
        <source>Importing {file}…</source>
        <translation>正在导入 {file}…</translation>
    </message>
</context>
<context>
    <name>ImportProblemsModel</name>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>OrderActionBar</name>
    <message>
        <source>Open</source>
        <extracomment>How many short SKUs a bulk allocation names before "and N more SKUs". Open was clicked: the page opens the current order.</extracomment>
        <translation>打开</translation>
    </message>
    <message>
        <source>Lines, address, reserved bins and history (Enter)</source>
        <translation>查看商品行、地址、预留库位和状态记录（回车）</translation>
    </message>
    <message>
        <source>Allocate</source>
        <translation>分配库存</translation>
    </message>
    <message>
        <source>Reserve stock in bins for the selected orders</source>
        <translation>为选中的订单在库位中预留库存</translation>
    </message>
    <message>
        <source>Hold…</source>
        <translation>挂起…</translation>
    </message>
    <message>
        <source>Release hold</source>
        <translation>解除挂起</translation>
    </message>
    <message>
        <source>Cancel orders…</source>
        <translation>取消订单…</translation>
    </message>
    <message>
        <source>Print label</source>
        <translation>打印面单</translation>
    </message>
    <message>
        <source>A 4x6 shipping label for each selected order, on this station's printer</source>
        <translation>为每个选中的订单在本工作站打印机上打印一张 4x6 面单</translation>
    </message>
    <message>
        <source>Packing slip</source>
        <translation>装箱单</translation>
    </message>
    <message>
        <source>A packing slip for each selected order</source>
        <translation>为每个选中的订单打印装箱单</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v / %m</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop after the order being processed now</source>
        <translation>处理完当前订单后停止</translation>
    </message>
    <message>
        <source>{count} selected</source>
        <translation>已选 {count} 个</translation>
    </message>
    <message numerus="yes">
        <source>Printing %n document(s)…</source>
        <translation>
            <numerusform>正在打印 %n 份单据…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) sent to the printer.</source>
        <translation>
            <numerusform>已将 %n 份单据发送到打印机。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not printed: {reason}</source>
        <translation>
            <numerusform>%n 份未打印：{reason}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not printed — waiting in the print queue (Printing screen): {reason}</source>
        <translation>
            <numerusform>%n 份未打印，已留在打印队列（打印页面）中：{reason}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sent</source>
        <translation>
            <numerusform>已发送 %n 份</numerusform>
        </translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Cancel orders</source>
        <translation>取消订单</translation>
    </message>
    <message numerus="yes">
        <source>Cancel %Ln selected order(s)? Stock reserved for them is released. This cannot be undone.</source>
        <translation>
            <numerusform>取消所选的 %Ln 个订单？为其预留的库存将被释放。此操作无法撤销。</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep orders</source>
        <translation>保留订单</translation>
    </message>
    <message>
        <source>Put orders on hold</source>
        <translation>挂起订单</translation>
    </message>
    <message numerus="yes">
        <source>Hold %Ln selected order(s)? They keep their reserved stock and go back to where they were when released.</source>
        <translation>
            <numerusform>暂停所选的 %Ln 个订单？订单保留已预留的库存，恢复后回到原来的状态。</numerusform>
        </translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>挂起</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source> — short: {skus}</source>
        <translation>，缺货：{skus}</translation>
    </message>
    <message>
        <source>{count} failed</source>
        <translation>{count} 个失败</translation>
    </message>
    <message>
        <source>Nothing was changed</source>
        <translation>没有任何更改</translation>
    </message>
    <message>
        <source> — stopped after {done} of {total}</source>
        <translation>——已在处理 {done}/{total} 个后停止</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>另有 {count} 个</translation>
    </message>
    <message>
        <source>:</source>
        <translation>：</translation>
    </message>
    <message>
        <source>{sku} (need {need}, have {have})</source>
        <translation>{sku}（需 {need}，有 {have}）</translation>
    </message>
    <message numerus="yes">
        <source>%n more SKU(s)</source>
        <translation>
            <numerusform>另有 %n 个 SKU</numerusform>
        </translation>
    </message>
    <message>
        <source>{number}: {reason}</source>
        <translation>{number}：{reason}</translation>
    </message>
    <message>
        <source>{count} backordered</source>
        <translation>{count} 个缺货待补</translation>
    </message>
    <message>
        <source>{count} allocated</source>
        <translation>{count} 个已分配</translation>
    </message>
    <message>
        <source>{count} cancelled</source>
        <translation>{count} 个已取消</translation>
    </message>
    <message>
        <source>{count} put on hold</source>
        <translation>{count} 个已挂起</translation>
    </message>
    <message>
        <source>{count} released to {status}</source>
        <translation>{count} 个已解除挂起，回到“{status}”</translation>
    </message>
</context>
<context>
    <name>OrderDetailDialog</name>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
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
        <source>Ordered</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <source>Ship by</source>
        <translation>最晚发货</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>运输方式</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Hold reason</source>
        <translation>挂起原因</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Ship to</source>
        <translation>收货地址</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Status before</source>
        <translation>变更前状态</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Status after</source>
        <translation>变更后状态</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>商品行</translation>
    </message>
    <message>
        <source>Reserved bins</source>
        <translation>预留库位</translation>
    </message>
    <message>
        <source>History</source>
        <translation>状态记录</translation>
    </message>
    <message>
        <source>Order {number}</source>
        <translation>订单 {number}</translation>
    </message>
    <message>
        <source>not allocated yet</source>
        <translation>尚未分配</translation>
    </message>
    <message>
        <source>Reserved bins ({count})</source>
        <translation>预留库位（{count}）</translation>
    </message>
</context>
<context>
    <name>OrderFilterBar</name>
    <message>
        <source>Client</source>
        <extracomment>A filter other than the status changed: the list and the counts start over. Another status tab was chosen: the list starts over, the counts stay. Enter in the search field (a scanner's Enter): search now, then expect the next scan.</extracomment>
        <translation>客户</translation>
    </message>
    <message>
        <source>All clients</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>All warehouses</source>
        <translation>全部仓库</translation>
    </message>
    <message>
        <source>Late only</source>
        <translation>仅看逾期</translation>
    </message>
    <message>
        <source>Only orders still in the warehouse whose ship-by has passed</source>
        <translation>仅显示仍在仓内、已过最晚发货时间的订单</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Search or scan an order, buyer, tracking, SKU</source>
        <translation>搜索或扫描：订单号、收件人、运单号、SKU</translation>
    </message>
    <message>
        <source>Order number, part of the buyer's name, tracking number, or a SKU code or barcode. A scanner's Enter searches at once (Ctrl+F comes here).</source>
        <translation>订单号、收件人姓名的一部分、运单号，或 SKU 编码/条码。扫描枪的回车会立即搜索（Ctrl+F 跳到这里）。</translation>
    </message>
    <message>
        <source>Ordered on or after this day</source>
        <translation>下单日期不早于此日</translation>
    </message>
    <message>
        <source>Ordered on or before this day</source>
        <translation>下单日期不晚于此日</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Any day</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>{name} ({count})</source>
        <translation>{name}（{count}）</translation>
    </message>
</context>
<context>
    <name>OrderNotes</name>
    <message>
        <source>cancelled on platform — intercept</source>
        <translation>平台已取消 — 请拦截</translation>
    </message>
    <message>
        <source>shipped on platform — intercept</source>
        <translation>平台显示已发货 — 请拦截</translation>
    </message>
    <message>
        <source>on hold on platform</source>
        <translation>平台上已挂起</translation>
    </message>
    <message>
        <source>cancelled on platform</source>
        <translation>平台已取消</translation>
    </message>
    <message>
        <source>changed on platform after allocation — check the lines</source>
        <translation>分配库存后平台改了订单 — 请核对商品行</translation>
    </message>
    <message>
        <source>ship-to ZIP code is not in its state: correct the address on the platform</source>
        <translation>收件邮编与所在州不符：请在平台上更正地址</translation>
    </message>
    <message>
        <source>order number already used by another order of this client</source>
        <translation>订单号已被该客户的其他订单使用</translation>
    </message>
    <message>
        <source>Amazon withholds the address: use the seller's Buy Shipping label or ask for the address</source>
        <extracomment>An order Amazon keeps the name and street of from this app (no restricted PII role): made and held; importing the seller's label for it releases it (``seller_labels``).</extracomment>
        <translation>亚马逊不提供收件地址：请使用卖家通过亚马逊购买配送（Buy Shipping）打印的面单，或向卖家索取地址</translation>
    </message>
    <message>
        <source>hold released</source>
        <translation>已解除挂起</translation>
    </message>
</context>
<context>
    <name>OrderStatus</name>
    <message>
        <source>New</source>
        <translation>新订单</translation>
    </message>
    <message>
        <source>Allocated</source>
        <translation>已分配</translation>
    </message>
    <message>
        <source>Backordered</source>
        <translation>缺货</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <source>Picking</source>
        <translation>拣货中</translation>
    </message>
    <message>
        <source>Packed</source>
        <translation>已打包</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>In transit</source>
        <translation>运输中</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已签收</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退货</translation>
    </message>
</context>
<context>
    <name>OrderTableModel</name>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <source>Ship by</source>
        <translation>最晚发货</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>City / state</source>
        <translation>城市 / 州</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation>运单号</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Read the list again from the newest order (F5)</source>
        <translation>从最新订单起重新读取列表（F5）</translation>
    </message>
    <message>
        <source>Import orders…</source>
        <translation>导入订单…</translation>
    </message>
    <message>
        <source>Import a seller's CSV or Excel order file</source>
        <translation>导入卖家的 CSV 或 Excel 订单文件</translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln order(s) from {file} ({already} already imported, {rejected} rejected).</source>
        <translation>
            <numerusform>已从 {file} 导入 %Ln 个订单（{already} 个已导入过，{rejected} 个被拒）。</numerusform>
        </translation>
    </message>
    <message>
        <source>No order matches “{term}”.</source>
        <translation>没有与“{term}”匹配的订单。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln order(s)</source>
        <translation>
            <numerusform>%Ln 个订单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing all %Ln order(s), newest order date first</source>
        <translation>
            <numerusform>显示全部 %Ln 个订单，按下单时间从新到旧</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing {shown} of %Ln order(s), newest order date first — scroll for more</source>
        <translation>
            <numerusform>显示 %Ln 个订单中的 {shown} 个，按下单时间从新到旧——向下滚动查看更多</numerusform>
        </translation>
    </message>
    <message>
        <source>No order matches the search.</source>
        <translation>没有符合搜索条件的订单。</translation>
    </message>
    <message>
        <source>No orders match these filters.</source>
        <translation>没有符合这些筛选条件的订单。</translation>
    </message>
    <message>
        <source>No orders yet. Import a seller's order file or connect a store under Channels.</source>
        <translation>还没有订单。请导入卖家的订单文件，或在“渠道”中连接店铺。</translation>
    </message>
    <message>
        <source>No new orders waiting.</source>
        <translation>没有待处理的新订单。</translation>
    </message>
    <message>
        <source>No allocated orders waiting to be picked.</source>
        <translation>没有已分配、等待拣货的订单。</translation>
    </message>
    <message>
        <source>No backordered orders: nothing is short of stock.</source>
        <translation>没有缺货订单：库存都够。</translation>
    </message>
    <message>
        <source>No orders on hold.</source>
        <translation>没有挂起的订单。</translation>
    </message>
    <message>
        <source>No orders are being picked.</source>
        <translation>没有正在拣货的订单。</translation>
    </message>
    <message>
        <source>No packed orders waiting to ship.</source>
        <translation>没有已打包、等待发货的订单。</translation>
    </message>
    <message>
        <source>No shipped orders.</source>
        <translation>没有已发货的订单。</translation>
    </message>
    <message>
        <source>No orders in transit.</source>
        <translation>没有运输中的订单。</translation>
    </message>
    <message>
        <source>No delivered orders.</source>
        <translation>没有已签收的订单。</translation>
    </message>
    <message>
        <source>No cancelled orders.</source>
        <translation>没有已取消的订单。</translation>
    </message>
    <message>
        <source>No returned orders.</source>
        <translation>没有已退货的订单。</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Reason (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <source>Reason (optional)</source>
        <translation>原因（可选）</translation>
    </message>
</context>
</TS>