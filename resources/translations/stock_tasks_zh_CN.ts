<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>FloorTaskPage</name>
    <message>
        <source>Warehouse</source>
        <extracomment>The ui.ini keys of the remembered warehouse and sound setting.</extracomment>
        <translation>仓库</translation>
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
        <source>Scan here (or type and press Enter)</source>
        <translation>在此扫描（或输入后按回车）</translation>
    </message>
    <message>
        <source>Sound off</source>
        <translation>声音关</translation>
    </message>
</context>
<context>
    <name>LimitsModel</name>
    <message>
        <source>Pick bin</source>
        <translation>拣货库位</translation>
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
        <source>Min</source>
        <translation>最低</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>最高</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>在库</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>可用</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Put-away</source>
        <translation>上架</translation>
    </message>
    <message>
        <source>Replenishment</source>
        <translation>补货</translation>
    </message>
</context>
<context>
    <name>PutawayModel</name>
    <message>
        <source>Task</source>
        <translation>任务</translation>
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
        <source>Name</source>
        <translation>品名</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源库位</translation>
    </message>
    <message>
        <source>Suggested bin</source>
        <translation>建议库位</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源单据</translation>
    </message>
    <message>
        <source>(no room)</source>
        <translation>（无空位）</translation>
    </message>
</context>
<context>
    <name>PutawayPage</name>
    <message>
        <source>Other task</source>
        <extracomment>The task chosen by the last scan or click; the next bin scan confirms it.</extracomment>
        <translation>换任务</translation>
    </message>
    <message>
        <source>Scan a task number or a SKU.</source>
        <translation>请扫描任务号或 SKU。</translation>
    </message>
    <message numerus="yes">
        <source>%n open task(s)</source>
        <translation>
            <numerusform>%n 个未完成任务</numerusform>
        </translation>
    </message>
    <message>
        <source> (lot {lot})</source>
        <translation>（批次 {lot}）</translation>
    </message>
    <message>
        <source>Task {task}: {qty} × {sku}{lot} from {source}. Put into {bin} and scan the bin.</source>
        <translation>任务 {task}：{qty} × {sku}{lot}，来自 {source}。请放入 {bin} 并扫描该库位。</translation>
    </message>
    <message>
        <source>Task {task}: {qty} × {sku}{lot} from {source}. No bin has room: scan the bin you put them into.</source>
        <translation>任务 {task}：{qty} × {sku}{lot}，来自 {source}。没有库位有空间：请扫描实际放入的库位。</translation>
    </message>
    <message>
        <source>Choose a warehouse first.</source>
        <translation>请先选择仓库。</translation>
    </message>
    <message>
        <source>No open put-away task for &apos;{scan}&apos;.</source>
        <translation>没有与“{scan}”对应的未完成上架任务。</translation>
    </message>
    <message>
        <source>Put away {qty} × {sku} into {bin}.</source>
        <translation>已上架 {qty} × {sku} 到 {bin}。</translation>
    </message>
    <message>
        <source>Recorded instead of {bin}.</source>
        <translation>已记录（代替建议库位 {bin}）。</translation>
    </message>
    <message numerus="yes">
        <source>%n backordered order(s) allocated.</source>
        <translation>
            <numerusform>已为 %n 个缺货订单分配库存。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReplenishModel</name>
    <message>
        <source>Task</source>
        <translation>任务</translation>
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
        <source>Name</source>
        <translation>品名</translation>
    </message>
    <message>
        <source>From (storage)</source>
        <translation>从（存储库位）</translation>
    </message>
    <message>
        <source>To (pick bin)</source>
        <translation>到（拣货库位）</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
</context>
<context>
    <name>ReplenishmentPage</name>
    <message>
        <source>Plan now</source>
        <extracomment>The task chosen by the last scan or click; the next scan is its pick bin.</extracomment>
        <translation>立即计划</translation>
    </message>
    <message>
        <source>Other task</source>
        <translation>换任务</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Min/max</source>
        <translation>最低/最高库存</translation>
    </message>
    <message>
        <source>Scan the storage bin you take from (or a task number).</source>
        <translation>请扫描取货的存储库位（或任务号）。</translation>
    </message>
    <message>
        <source>only if two clients have the SKU</source>
        <translation>仅当两个客户有同一 SKU 时填写</translation>
    </message>
    <message>
        <source>Set min/max</source>
        <translation>设置最低/最高</translation>
    </message>
    <message>
        <source>Pick bin · SKU · client</source>
        <translation>拣货库位 · SKU · 客户</translation>
    </message>
    <message>
        <source>Min · max</source>
        <translation>最低 · 最高</translation>
    </message>
    <message>
        <source>Pick bin</source>
        <translation>拣货库位</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message numerus="yes">
        <source>%n open task(s)</source>
        <translation>
            <numerusform>%n 个未完成任务</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new task(s).</source>
        <translation>
            <numerusform>新建 %n 个任务。</numerusform>
        </translation>
    </message>
    <message>
        <source>No pick bin needs stock now.</source>
        <translation>目前没有拣货库位需要补货。</translation>
    </message>
    <message>
        <source>{bin}: {sku} min {min}, max {max}.</source>
        <translation>{bin}：{sku} 最低 {min}，最高 {max}。</translation>
    </message>
    <message>
        <source>Task {task}: take {qty} × {sku} from {source}, put them into {target} and scan {target}.</source>
        <translation>任务 {task}：从 {source} 取 {qty} × {sku}，放入 {target} 并扫描 {target}。</translation>
    </message>
    <message>
        <source>No open replenishment task from &apos;{scan}&apos;.</source>
        <translation>没有从“{scan}”出发的未完成补货任务。</translation>
    </message>
    <message>
        <source>Moved {qty} × {sku} from {source} to {target}.</source>
        <translation>已将 {qty} × {sku} 从 {source} 移到 {target}。</translation>
    </message>
</context>
</TS>
