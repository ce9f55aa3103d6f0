<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdjustReasons</name>
    <message>
        <source>Cycle count</source>
        <translation>循环盘点</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>残损</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>丢失</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>盘盈找回</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>过期</translation>
    </message>
    <message>
        <source>Data correction</source>
        <translation>数据更正</translation>
    </message>
</context>
<context>
    <name>BinTypes</name>
    <message>
        <source>Storage</source>
        <translation>存储</translation>
    </message>
    <message>
        <source>Pick</source>
        <translation>拣货</translation>
    </message>
    <message>
        <source>Staging</source>
        <translation>暂存</translation>
    </message>
    <message>
        <source>Receiving</source>
        <translation>收货</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>退货</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>残损</translation>
    </message>
    <message>
        <source>Quarantine</source>
        <translation>隔离区</translation>
    </message>
</context>
<context>
    <name>InventoryPage</name>
    <message>
        <source>Inventory</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>All warehouses</source>
        <translation>全部仓库</translation>
    </message>
    <message>
        <source>All clients</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>SKU, name or barcode (Ctrl+F)</source>
        <translation>SKU、品名或条码 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Bin or its start, e.g. A-01</source>
        <translation>库位或开头，如 A-01</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Read the stock again (F5)</source>
        <translation>重新读取库存 (F5)</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Stock by SKU</source>
        <translation>按 SKU 查看库存</translation>
    </message>
    <message>
        <source>Stock by bin</source>
        <translation>按库位查看库存</translation>
    </message>
    <message>
        <source>Available = on hand − reserved, counted only in pick and storage bins. Stock in receiving, staging, returns and damaged bins is on hand but not available; it is shown in amber.</source>
        <translation>可用 = 在库 − 已预留，只计算拣货位和存储位。收货区、暂存区、退货区和残损区的库存算在库，但不可用（以橙色显示）。</translation>
    </message>
    <message>
        <source>Rows: {count}</source>
        <translation>共 {count} 行</translation>
    </message>
    <message>
        <source>Moves: select a SKU or a bin above to see who moved what, when and why.</source>
        <translation>库存流水：在上方选择一个 SKU 或库位，查看谁在何时因何移动了什么。</translation>
    </message>
    <message>
        <source>Moves of {sku} ({client}), all warehouses</source>
        <translation>{sku}（{client}）的库存流水，全部仓库</translation>
    </message>
    <message>
        <source>Moves in bin {bin} ({warehouse}), all SKUs</source>
        <translation>库位 {bin}（{warehouse}）的库存流水，全部 SKU</translation>
    </message>
    <message>
        <source>— newest {count} shown</source>
        <translation>— 仅显示最新 {count} 条</translation>
    </message>
</context>
<context>
    <name>MoveKinds</name>
    <message>
        <source>Receipt</source>
        <translation>收货入库</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>移库</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>库存调整</translation>
    </message>
    <message>
        <source>Pick</source>
        <translation>拣货</translation>
    </message>
    <message>
        <source>Shipment</source>
        <translation>发货</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>退货入库</translation>
    </message>
</context>
<context>
    <name>MovesModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>From bin</source>
        <translation>源库位</translation>
    </message>
    <message>
        <source>To bin</source>
        <translation>目标库位</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>单据号</translation>
    </message>
    <message>
        <source>{local} (UTC {utc})</source>
        <translation>{local}（UTC {utc}）</translation>
    </message>
</context>
<context>
    <name>StockActionPanel</name>
    <message>
        <source>Receive, move or adjust</source>
        <translation>收货、移库或调整</translation>
    </message>
    <message>
        <source>&amp;Receive</source>
        <translation>收货(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Move</source>
        <translation>移库(&amp;M)</translation>
    </message>
    <message>
        <source>A&amp;djust</source>
        <translation>调整(&amp;D)</translation>
    </message>
    <message>
        <source>Remembered on this PC</source>
        <translation>本机会记住此选择</translation>
    </message>
    <message>
        <source>Scan bin</source>
        <translation>扫描库位</translation>
    </message>
    <message>
        <source>Scan SKU or barcode</source>
        <translation>扫描 SKU 或条码</translation>
    </message>
    <message>
        <source>Several clients use this code: choose whose stock it is</source>
        <translation>多个客户使用此编码：请选择库存所属客户</translation>
    </message>
    <message>
        <source>Scan target bin</source>
        <translation>扫描目标库位</translation>
    </message>
    <message>
        <source>Choose a reason…</source>
        <translation>选择原因…</translation>
    </message>
    <message>
        <source>Optional, e.g. count sheet number</source>
        <translation>选填，如盘点单号</translation>
    </message>
    <message>
        <source>Optional, e.g. PO or ASN number</source>
        <translation>选填，如采购单号或 ASN 号</translation>
    </message>
    <message>
        <source>Kept for the next items of the same delivery</source>
        <translation>同一批到货的后续商品会沿用</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>To bin</source>
        <translation>目标库位</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>单据号</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>From bin</source>
        <translation>源库位</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Change (+/−)</source>
        <translation>增减 (+/−)</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>+3 or -2</source>
        <translation>+3 或 -2</translation>
    </message>
    <message>
        <source>Units, then Enter</source>
        <translation>输入件数后按回车</translation>
    </message>
    <message>
        <source>Receive into bin</source>
        <translation>收货入库位</translation>
    </message>
    <message>
        <source>Move stock</source>
        <translation>移库</translation>
    </message>
    <message>
        <source>Adjust stock</source>
        <translation>调整库存</translation>
    </message>
    <message>
        <source>Scan the bin, Enter, scan the item, Enter, type the quantity, Enter.</source>
        <translation>扫描库位 → 回车 → 扫描商品 → 回车 → 输入数量 → 回车。</translation>
    </message>
    <message>
        <source>Scan the bin to take from, the item, the bin to put into, then type the quantity. Only unreserved units can move.</source>
        <translation>依次扫描源库位、商品、目标库位，再输入数量。只能移动未预留的库存。</translation>
    </message>
    <message>
        <source>For counts and damage: type the change with a sign (+3 found, -2 missing) and choose a reason.</source>
        <translation>用于盘点和残损：输入带正负号的增减数（+3 盘盈，-2 短少），并选择原因。</translation>
    </message>
    <message>
        <source>Choose a warehouse first.</source>
        <translation>请先选择仓库。</translation>
    </message>
    <message>
        <source>Scan a bin first.</source>
        <translation>请先扫描库位。</translation>
    </message>
    <message>
        <source>Bin {bin} is not in warehouse {warehouse}.</source>
        <translation>仓库 {warehouse} 中没有库位 {bin}。</translation>
    </message>
    <message>
        <source>Bin {bin} is inactive.</source>
        <translation>库位 {bin} 已停用。</translation>
    </message>
    <message>
        <source>{bin} is a {type} bin: stock there is on hand but not available to sell.</source>
        <translation>{bin} 是{type}库位：其中的库存算在库，但不可销售。</translation>
    </message>
    <message>
        <source>Scan a SKU or its barcode.</source>
        <translation>请扫描 SKU 或其条码。</translation>
    </message>
    <message>
        <source>No SKU or barcode {code} for any client.</source>
        <translation>没有任何客户的 SKU 或条码是 {code}。</translation>
    </message>
    <message>
        <source>Whose stock? Choose the client…</source>
        <translation>库存属于谁？请选择客户…</translation>
    </message>
    <message>
        <source>{count} clients have {code}. Choose the client, then press Enter.</source>
        <translation>有 {count} 个客户使用 {code}。请选择客户后按回车。</translation>
    </message>
    <message>
        <source>Choose the client whose stock this is.</source>
        <translation>请选择这批库存所属的客户。</translation>
    </message>
    <message>
        <source>{sku} · {name} · client {client}</source>
        <translation>{sku} · {name} · 客户 {client}</translation>
    </message>
    <message>
        <source>Type the change with its sign, e.g. +3 or -2 (not 0).</source>
        <translation>请输入带正负号的增减数，如 +3 或 -2（不能为 0）。</translation>
    </message>
    <message>
        <source>Quantity must be a whole number above 0.</source>
        <translation>数量必须是大于 0 的整数。</translation>
    </message>
    <message>
        <source>Scan the bin to move into.</source>
        <translation>请扫描目标库位。</translation>
    </message>
    <message>
        <source>Choose a reason for the adjustment.</source>
        <translation>请选择调整原因。</translation>
    </message>
    <message>
        <source>{qty} × {sku} ({client})</source>
        <translation>{qty} × {sku}（{client}）</translation>
    </message>
    <message>
        <source>Received {item} into {bin}.</source>
        <translation>已收货 {item}，放入 {bin}。</translation>
    </message>
    <message>
        <source>Moved {item} from {source} to {target}.</source>
        <translation>已将 {item} 从 {source} 移到 {target}。</translation>
    </message>
    <message>
        <source>Added {item} to {bin} ({reason}).</source>
        <translation>已在 {bin} 增加 {item}（{reason}）。</translation>
    </message>
    <message>
        <source>Removed {item} from {bin} ({reason}).</source>
        <translation>已从 {bin} 减少 {item}（{reason}）。</translation>
    </message>
    <message numerus="yes">
        <source>%n backordered order(s) now allocated: {orders}.</source>
        <translation>
            <numerusform>%n 个缺货订单现已分配：{orders}。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StockByBinModel</name>
    <message>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
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
        <source>On hand</source>
        <translation>在库</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>已预留</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>入库日期</translation>
    </message>
    <message>
        <source>{type} (not sellable)</source>
        <translation>{type}（不可售）</translation>
    </message>
    <message>
        <source>Stock in this bin counts as on hand but not as available: move it to a pick or storage bin to sell it.</source>
        <translation>此库位的库存算在库但不算可用：移到拣货位或存储位后才能销售。</translation>
    </message>
    <message>
        <source>Only pick and storage bins hold sellable (available) stock.</source>
        <translation>只有拣货位和存储位的库存可售（可用）。</translation>
    </message>
    <message>
        <source>When the oldest units still in this bin arrived (first in, first out).</source>
        <translation>此库位中最早一批库存的入库时间（先进先出）。</translation>
    </message>
</context>
<context>
    <name>StockBySkuModel</name>
    <message>
        <source>Client</source>
        <translation>客户</translation>
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
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>在库</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>已预留</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>On hand minus reserved, all in pick and storage bins.</source>
        <translation>在库减已预留，全部在拣货位和存储位。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln unit(s) in receiving, staging, returns or damaged bins cannot be sold until moved to a pick or storage bin.</source>
        <translation>
            <numerusform>有 %Ln 件在收货区、待发区、退货区或残次品库位，移到拣货位或存储位之前不能销售。</numerusform>
        </translation>
    </message>
    <message>
        <source>Units free to sell: on hand minus reserved, counting only pick and storage bins. Stock in receiving, staging, returns or damaged bins is on hand but not available.</source>
        <translation>可销售的件数：在库减已预留，只计算拣货位和存储位。收货区、暂存区、退货区和残损区的库存算在库，但不可用。</translation>
    </message>
    <message>
        <source>Units locked in bins for allocated orders.</source>
        <translation>已为已分配订单锁定在库位中的件数。</translation>
    </message>
</context>
</TS>
