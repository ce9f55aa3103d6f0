<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CountLinesModel</name>
    <message>
        <source>Bin</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>账面数</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>盘点数</translation>
    </message>
    <message>
        <source>Recount</source>
        <translation>复盘数</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>to count</source>
        <translation>待盘</translation>
    </message>
    <message>
        <source>counted</source>
        <translation>已盘</translation>
    </message>
    <message>
        <source>recount</source>
        <translation>待复盘</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>待主管审核</translation>
    </message>
    <message>
        <source>posted</source>
        <translation>已过账</translation>
    </message>
</context>
<context>
    <name>CountsPage</name>
    <message>
        <source>Count</source>
        <translation>盘点单</translation>
    </message>
    <message>
        <source>Bin range</source>
        <translation>库位范围</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>ABC class</source>
        <translation>ABC 分类</translation>
    </message>
    <message>
        <source>A-01-01-01:A-01-09-04, a SKU, or A/B/C</source>
        <translation>A-01-01-01:A-01-09-04、SKU 或 A/B/C</translation>
    </message>
    <message>
        <source>Blind (counters do not see the book)</source>
        <translation>盲盘（盘点人看不到账面数）</translation>
    </message>
    <message>
        <source>Start count</source>
        <translation>开始盘点</translation>
    </message>
    <message>
        <source>New count by</source>
        <translation>新建盘点，按</translation>
    </message>
    <message>
        <source>Other bin</source>
        <translation>换库位</translation>
    </message>
    <message>
        <source>Approve count</source>
        <translation>审核盘点</translation>
    </message>
    <message>
        <source>Cancel count</source>
        <translation>取消盘点</translation>
    </message>
    <message>
        <source>Choose or start a count, then scan a bin.</source>
        <translation>请选择或新建盘点单，然后扫描库位。</translation>
    </message>
    <message>
        <source>, blind</source>
        <translation>，盲盘</translation>
    </message>
    <message>
        <source>{number}: {scope}{blind} ({counted}/{lines})</source>
        <translation>{number}：{scope}{blind}（{counted}/{lines}）</translation>
    </message>
    <message numerus="yes">
        <source>%n open count(s)</source>
        <translation>
            <numerusform>%n 个进行中的盘点</numerusform>
        </translation>
    </message>
    <message>
        <source>bins {range}</source>
        <translation>库位 {range}</translation>
    </message>
    <message>
        <source>SKU {sku}</source>
        <translation>SKU {sku}</translation>
    </message>
    <message>
        <source>ABC class {abc}</source>
        <translation>ABC {abc} 类</translation>
    </message>
    <message>
        <source>Choose a warehouse first.</source>
        <translation>请先选择仓库。</translation>
    </message>
    <message numerus="yes">
        <source>Count {number} started: %n line(s). Scan a bin.</source>
        <translation>
            <numerusform>盘点单 {number} 已开始：共 %n 行。请扫描库位。</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a count first.</source>
        <translation>请先选择盘点单。</translation>
    </message>
    <message numerus="yes">
        <source>Count {number} approved: %n difference(s) posted.</source>
        <translation>
            <numerusform>盘点单 {number} 已审核：已过账 %n 处差异。</numerusform>
        </translation>
    </message>
    <message>
        <source>Re-allocated: {orders}.</source>
        <translation>已重新分配：{orders}。</translation>
    </message>
    <message>
        <source>Press F10 again to cancel count {number}: nothing is posted and its counts are kept on record only.</source>
        <translation>再按一次 F10 取消盘点单 {number}：不过账任何差异，已盘数量仅留作记录。</translation>
    </message>
    <message>
        <source>Count {number} cancelled; nothing was posted.</source>
        <translation>盘点单 {number} 已取消，未过账任何差异。</translation>
    </message>
    <message>
        <source>Scan a bin.</source>
        <translation>请扫描库位。</translation>
    </message>
    <message>
        <source>Choose or start a count first.</source>
        <translation>请先选择或新建盘点单。</translation>
    </message>
    <message>
        <source>Bin {bin}: scan a SKU.</source>
        <translation>库位 {bin}：请扫描 SKU。</translation>
    </message>
    <message>
        <source>{bin} · {sku}: type the units found and press Enter.</source>
        <translation>{bin} · {sku}：输入实盘数量后按回车。</translation>
    </message>
    <message>
        <source>{bin} · {sku}: {qty} noted. It differs beyond tolerance: another user must recount it.</source>
        <translation>{bin} · {sku}：已记录 {qty}。差异超出容差，须由另一位用户复盘。</translation>
    </message>
    <message>
        <source>{bin} · {sku}: {qty} noted. Still different: a supervisor decides.</source>
        <translation>{bin} · {sku}：已记录 {qty}。复盘仍有差异，由主管审核决定。</translation>
    </message>
    <message>
        <source>{bin} · {sku}: {qty} counted. Scan the next SKU or bin.</source>
        <translation>{bin} · {sku}：已盘 {qty}。请扫描下一个 SKU 或库位。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Counts</source>
        <translation>盘点</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>退货</translation>
    </message>
</context>
<context>
    <name>ReturnsModel</name>
    <message>
        <source>RMA</source>
        <translation>退货单号</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation>追踪号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>open</source>
        <translation>待收货</translation>
    </message>
    <message>
        <source>received</source>
        <translation>已收货</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>(to match)</source>
        <translation>（待匹配）</translation>
    </message>
</context>
<context>
    <name>ReturnsPage</name>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Other return</source>
        <translation>换退货单</translation>
    </message>
    <message>
        <source>Close return</source>
        <translation>关闭退货单</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Resellable</source>
        <translation>可再售</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>残损</translation>
    </message>
    <message>
        <source>Dispose</source>
        <translation>报废</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>returns / damaged bin</source>
        <translation>退货/残损库位</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Scan the return label&apos;s tracking number, an order or an RMA.</source>
        <translation>请扫描退货面单追踪号、订单号或退货单号。</translation>
    </message>
    <message>
        <source>All clients</source>
        <translation>全部客户</translation>
    </message>
    <message numerus="yes">
        <source>%n return(s)</source>
        <translation>
            <numerusform>%n 个退货单</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose or scan a return first.</source>
        <translation>请先选择或扫描退货单。</translation>
    </message>
    <message>
        <source>{rma} has nothing received. Press F9 again to close it anyway (the parcel will not come).</source>
        <translation>{rma} 尚未收到任何货物。若包裹不会再退回，请再按一次 F9 强制关闭。</translation>
    </message>
    <message numerus="yes">
        <source>{rma} closed: %n unit(s) received.</source>
        <translation>
            <numerusform>{rma} 已关闭：共收货 %n 件。</numerusform>
        </translation>
    </message>
    <message>
        <source>no order yet</source>
        <translation>尚无订单</translation>
    </message>
    <message>
        <source>{rma} ({order}): choose the grade and scan each SKU that came back.</source>
        <translation>{rma}（{order}）：选择判定后逐个扫描退回的 SKU。</translation>
    </message>
    <message>
        <source>{qty} × {sku} written off ({rma}).</source>
        <translation>{qty} × {sku} 已报废（{rma}）。</translation>
    </message>
    <message>
        <source>{qty} × {sku} into {bin}; put-away task {task} ({rma}).</source>
        <translation>{qty} × {sku} 已入 {bin}；上架任务 {task}（{rma}）。</translation>
    </message>
    <message>
        <source>{qty} × {sku} into {bin} ({rma}).</source>
        <translation>{qty} × {sku} 已入 {bin}（{rma}）。</translation>
    </message>
    <message>
        <source>Order {order} is returned.</source>
        <translation>订单 {order} 已退货。</translation>
    </message>
</context>
</TS>
