<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CartsModel</name>
    <message>
        <source>Cart</source>
        <translation>拣货车</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Picker</source>
        <translation>拣货员</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Stops</source>
        <translation>停靠点</translation>
    </message>
    <message>
        <source>Units picked</source>
        <translation>已拣件数</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>行走距离</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Waves</source>
        <extracomment>Pickers confirm on other PCs, which send no change signal here: the progress of the carts is read again this often while the screen is on show.</extracomment>
        <translation>波次</translation>
    </message>
</context>
<context>
    <name>PlanModel</name>
    <message>
        <source>Cart</source>
        <translation>拣货车</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Order numbers</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Stops</source>
        <translation>停靠点</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>行走距离</translation>
    </message>
    <message>
        <source>Bins the cart stops at (the route: hover over a cart&apos;s number)</source>
        <translation>拣货车要停靠的库位数（把鼠标停在车号上可查看路线）</translation>
    </message>
</context>
<context>
    <name>WaveFilterRow</name>
    <message>
        <source>All clients</source>
        <extracomment>Any choice changed: the plan on show no longer matches the row.</extracomment>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>High (fast service or due)</source>
        <translation>高（加急或今日到期）</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>any day</source>
        <translation>不限日期</translation>
    </message>
    <message>
        <source>Orders due to ship before this day</source>
        <translation>须在此日期之前发货的订单</translation>
    </message>
    <message>
        <source>Single-unit</source>
        <translation>单件</translation>
    </message>
    <message>
        <source>Multi-unit</source>
        <translation>多件</translation>
    </message>
    <message>
        <source>Pre-packed (label first)</source>
        <translation>自带包装（先贴面单）</translation>
    </message>
    <message>
        <source>Needs packing</source>
        <translation>需要打包</translation>
    </message>
    <message>
        <source>Orders (totes) one cart carries</source>
        <translation>每辆拣货车装的订单（周转箱）数</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Units one cart carries at most</source>
        <translation>每辆拣货车最多装的件数</translation>
    </message>
    <message>
        <source>&amp;Warehouse</source>
        <translation>仓库(&amp;W)</translation>
    </message>
    <message>
        <source>C&amp;lient</source>
        <translation>客户(&amp;L)</translation>
    </message>
    <message>
        <source>Ca&amp;rrier</source>
        <translation>承运商(&amp;R)</translation>
    </message>
    <message>
        <source>Ser&amp;vice</source>
        <translation>服务(&amp;V)</translation>
    </message>
    <message>
        <source>Priorit&amp;y</source>
        <translation>优先级(&amp;Y)</translation>
    </message>
    <message>
        <source>Ship &amp;before</source>
        <translation>发货截止(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Units</source>
        <translation>件数(&amp;U)</translation>
    </message>
    <message>
        <source>Pac&amp;kaging</source>
        <translation>包装(&amp;K)</translation>
    </message>
    <message>
        <source>Orders per &amp;cart</source>
        <translation>每车订单(&amp;C)</translation>
    </message>
    <message>
        <source>Units per car&amp;t</source>
        <translation>每车件数(&amp;T)</translation>
    </message>
</context>
<context>
    <name>WaveModels</name>
    <message>
        <source>released</source>
        <translation>已下发</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>picking</source>
        <translation>拣货中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>{m} m</source>
        <translation>{m} 米</translation>
    </message>
</context>
<context>
    <name>WavePrinter</name>
    <message>
        <source>Pick lists</source>
        <translation>拣货单</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>面单</translation>
    </message>
    <message numerus="yes">
        <source>{what}: %n document(s) sent to the printer.</source>
        <translation>
            <numerusform>{what}：%n 份已发送到打印机。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{what}: %n document(s) not printed (failed jobs wait in the Printing screen&apos;s queue): {reason}</source>
        <translation>
            <numerusform>{what}：%n 份未打印（失败的任务在“打印”页面的队列中等待重试）：{reason}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WavesModel</name>
    <message>
        <source>Wave</source>
        <translation>波次</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Carts</source>
        <translation>拣货车</translation>
    </message>
    <message>
        <source>Units picked</source>
        <translation>已拣件数</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>下发时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>下发人</translation>
    </message>
</context>
<context>
    <name>WavesPage</name>
    <message>
        <source>&amp;Plan</source>
        <translation>规划(&amp;P)</translation>
    </message>
    <message>
        <source>Plan carts for these orders; nothing changes until you release</source>
        <translation>为这些订单规划拣货车；下发之前不会改动任何数据</translation>
    </message>
    <message>
        <source>&amp;Release…</source>
        <translation>下发(&amp;R)…</translation>
    </message>
    <message>
        <source>Release this plan: its orders go to picking</source>
        <translation>下发此规划：其中的订单进入拣货</translation>
    </message>
    <message>
        <source>Choose the orders, then Plan (Ctrl+Enter).</source>
        <translation>先选择订单，再点“规划”（Ctrl+Enter）。</translation>
    </message>
    <message>
        <source>Released waves of this warehouse</source>
        <translation>本仓库已下发的波次</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Read the waves again</source>
        <translation>重新读取波次</translation>
    </message>
    <message>
        <source>Print pick &amp;lists</source>
        <translation>打印拣货单(&amp;L)</translation>
    </message>
    <message>
        <source>Print the pick list of the selected cart, or of every cart of the wave</source>
        <translation>打印所选拣货车的拣货单；未选择时打印该波次所有拣货车的拣货单</translation>
    </message>
    <message>
        <source>Choose a warehouse first.</source>
        <translation>请先选择仓库。</translation>
    </message>
    <message>
        <source>Planning…</source>
        <translation>正在规划…</translation>
    </message>
    <message>
        <source>Release a wave of {orders} on {carts} in {warehouse}? Its orders go to picking and their pick lists can be printed.</source>
        <translation>在 {warehouse} 下发一个波次：{orders}，{carts}？这些订单将进入拣货，并可打印拣货单。</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n 个订单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cart(s)</source>
        <translation>
            <numerusform>%n 辆拣货车</numerusform>
        </translation>
    </message>
    <message>
        <source>Release wave</source>
        <translation>下发波次</translation>
    </message>
    <message>
        <source>The choice changed: Plan again (Ctrl+Enter).</source>
        <translation>筛选条件已变，请重新规划（Ctrl+Enter）。</translation>
    </message>
    <message>
        <source>No allocated orders match this choice.</source>
        <translation>没有符合条件的已分配订单。</translation>
    </message>
    <message>
        <source>{orders} on {carts}: batched {batched} vs {single} order by order ({saving} less walking); first-come-first-served carts: {fcfs}</source>
        <translation>{orders}，{carts}：合并拣货 {batched}，逐单拣货 {single}（少走 {saving}）；按先到先拣装车：{fcfs}</translation>
    </message>
    <message>
        <source>Wave {wave} released: {orders} on {carts}. Print the pick lists (Ctrl+P).</source>
        <translation>波次 {wave} 已下发：{orders}，{carts}。请打印拣货单（Ctrl+P）。</translation>
    </message>
    <message numerus="yes">
        <source>%n carrier label(s) of wave {wave} not bought (order {order}: {why}); bought at packing instead.</source>
        <translation>
            <numerusform>波次 {wave} 有 %n 张承运商面单没有买到（订单 {order}：{why}），将在打包时再购买。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n wave(s)</source>
        <translation>
            <numerusform>%n 个波次</numerusform>
        </translation>
    </message>
</context>
</TS>
