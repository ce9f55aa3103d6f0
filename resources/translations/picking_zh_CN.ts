<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MainWindow</name>
    <message>
        <source>Picking</source>
        <translation>拣货</translation>
    </message>
</context>
<context>
    <name>PickingPage</name>
    <message>
        <source>Scan the pick list of the next cart.</source>
        <extracomment>A typed number up to this many digits is a count; longer ones are barcodes. Scans waiting for the one being handled (a scanner can be faster than a write). The bin scanned at the current stop (None: scan the bin first). The item scan accepted at the current task (then a typed number is a count).</extracomment>
        <translation>请扫描下一辆拣货车的拣货单。</translation>
    </message>
    <message>
        <source>Open a cart first: there is no stop to report short.</source>
        <translation>请先打开拣货车：当前没有可报短拣的库位。</translation>
    </message>
    <message>
        <source>Cart {cart} is open.</source>
        <translation>拣货车 {cart} 已打开。</translation>
    </message>
    <message>
        <source>Cart {cart} opened: {stops}.</source>
        <translation>已打开拣货车 {cart}：{stops}。</translation>
    </message>
    <message numerus="yes">
        <source>%n stop(s)</source>
        <translation>
            <numerusform>%n 个库位点</numerusform>
        </translation>
    </message>
    <message>
        <source>Bin {bin} — right place.</source>
        <translation>库位 {bin} —— 正确。</translation>
    </message>
    <message>
        <source>{picked} of {quantity} in tote {slot}. Scan the next unit or type how many more.</source>
        <translation>已拣 {picked}/{quantity}，放入 {slot} 号周转箱。请扫描下一件，或输入还要拣的数量。</translation>
    </message>
    <message>
        <source>Done: {quantity} × {sku} into tote {slot}.</source>
        <translation>完成：{quantity} × {sku} 已放入 {slot} 号周转箱。</translation>
    </message>
    <message>
        <source>Order {order} picked: label on, into tote {slot}.</source>
        <translation>订单 {order} 已拣：面单已贴，放入 {slot} 号周转箱。</translation>
    </message>
    <message>
        <source>Order {order} went back to backordered: take tote {slot} off the cart.</source>
        <translation>订单 {order} 已退回缺货状态：请把 {slot} 号周转箱从车上取下。</translation>
    </message>
    <message>
        <source>Put back: {units}.</source>
        <translation>请放回：{units}。</translation>
    </message>
    <message>
        <source>Short recorded. The missing units are to be picked from {bins} (added to the route).</source>
        <translation>短拣已记录。缺少的件数改从 {bins} 拣取（已加入路线）。</translation>
    </message>
    <message>
        <source>Short recorded.</source>
        <translation>短拣已记录。</translation>
    </message>
</context>
<context>
    <name>PickingPanel</name>
    <message>
        <source>Short</source>
        <translation>短拣</translation>
    </message>
    <message>
        <source>Other cart</source>
        <translation>换一辆车</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Sound on</source>
        <translation>声音：开</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <source>Scan here (or type and press Enter)</source>
        <translation>在此扫描（或输入后按回车）</translation>
    </message>
    <message>
        <source>Still to pick: bin, SKU × units → tote</source>
        <translation>待拣：库位、SKU × 件数 → 周转箱</translation>
    </message>
    <message>
        <source>No cart open</source>
        <translation>未打开拣货车</translation>
    </message>
    <message>
        <source>Cart {cart} · wave {wave}{label_first}</source>
        <translation>拣货车 {cart} · 波次 {wave}{label_first}</translation>
    </message>
    <message>
        <source> · label first</source>
        <translation> · 先贴面单</translation>
    </message>
    <message>
        <source>Stop {n} of {m} · {picked} of {units} units</source>
        <translation>第 {n}/{m} 个库位点 · 已拣 {picked}/{units} 件</translation>
    </message>
    <message>
        <source>Last stop of this cart.</source>
        <translation>这是本车最后一个库位点。</translation>
    </message>
    <message>
        <source>Next: bin {bin}</source>
        <translation>下一个：库位 {bin}</translation>
    </message>
    <message>
        <source>Scan the cart&apos;s pick list</source>
        <translation>请扫描拣货车的拣货单</translation>
    </message>
    <message>
        <source>Cart done — take it to packing. Scan the next pick list.</source>
        <translation>本车已拣完 —— 请推去打包区。扫描下一张拣货单。</translation>
    </message>
    <message>
        <source>Go to bin {bin} and scan it</source>
        <translation>请到库位 {bin} 并扫描库位码</translation>
    </message>
    <message>
        <source>Stick the label on and scan it</source>
        <translation>请贴上面单并扫描面单</translation>
    </message>
    <message>
        <source>Scan the item ({sku})</source>
        <translation>请扫描商品（{sku}）</translation>
    </message>
    <message>
        <source>Scan each unit, or type how many more</source>
        <translation>请逐件扫描，或输入还要拣的数量</translation>
    </message>
    <message>
        <source>Sound off</source>
        <translation>声音：关</translation>
    </message>
    <message>
        <source>Leave full screen</source>
        <translation>退出全屏</translation>
    </message>
</context>
<context>
    <name>ShortDialog</name>
    <message>
        <source>Report a short pick</source>
        <translation>报告短拣</translation>
    </message>
    <message>
        <source>Bin {bin}: SKU {sku}, {left} still to pick for order {order}.</source>
        <translation>库位 {bin}：SKU {sku}，订单 {order} 还需拣 {left} 件。</translation>
    </message>
    <message>
        <source>&amp;Found in the bin</source>
        <translation>库位实际找到(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Why</source>
        <translation>原因(&amp;W)</translation>
    </message>
    <message>
        <source>The missing units are reserved in another bin when one has them; otherwise the order goes back to backordered. The bin is flagged for a count.</source>
        <translation>如有其他库位有货，缺少的件数会改从那里预留；否则订单退回缺货状态。此库位会被标记为待盘点。</translation>
    </message>
    <message>
        <source>Report short</source>
        <translation>报告短拣</translation>
    </message>
    <message>
        <source>The bin is empty</source>
        <translation>库位是空的</translation>
    </message>
    <message>
        <source>Units are damaged</source>
        <translation>商品已损坏</translation>
    </message>
    <message>
        <source>Fewer units than expected</source>
        <translation>数量少于应有数</translation>
    </message>
</context>
<context>
    <name>StopCard</name>
    <message>
        <source>Bin</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Take</source>
        <translation>拣取</translation>
    </message>
    <message>
        <source>Into tote</source>
        <translation>放入周转箱</translation>
    </message>
    <message>
        <source>{left} of {quantity}</source>
        <translation>还剩 {left}/{quantity}</translation>
    </message>
    <message>
        <source>Order {order}</source>
        <translation>订单 {order}</translation>
    </message>
    <message>
        <source>Label {tracking}</source>
        <translation>面单 {tracking}</translation>
    </message>
</context>
</TS>
