<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MainWindow</name>
    <message>
        <source>Stock split</source>
        <extracomment>SKU, name, units before the warehouse columns; zone, days and cost after them.</extracomment>
        <translation>分仓补货</translation>
    </message>
</context>
<context>
    <name>SplitModel</name>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>品名</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>{warehouse} share</source>
        <translation>{warehouse} 占比</translation>
    </message>
    <message>
        <source>{warehouse} units</source>
        <translation>{warehouse} 件数</translation>
    </message>
    <message>
        <source>Avg zone now → split</source>
        <translation>平均分区 现在 → 分仓后</translation>
    </message>
    <message>
        <source>Days saved</source>
        <translation>节省天数</translation>
    </message>
    <message>
        <source>Cost saved</source>
        <translation>节省运费</translation>
    </message>
    <message>
        <source>Last-mile cost of the period&apos;s units: per zone, the client&apos;s own label costs where there are enough, else an indicative price</source>
        <translation>本期件数的尾程运费：各分区有足够该客户面单的按其平均成本，否则按参考价</translation>
    </message>
</context>
<context>
    <name>SplitPage</name>
    <message>
        <source>period&apos;s units</source>
        <translation>按期间销量</translation>
    </message>
    <message>
        <source>Units of the next replenishment per SKU</source>
        <translation>下次补货每个 SKU 的件数</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
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
        <source>Replenish</source>
        <translation>补货件数</translation>
    </message>
    <message>
        <source>Export {format}</source>
        <translation>导出 {format}</translation>
    </message>
    <message>
        <source>Import zone chart…</source>
        <translation>导入分区表…</translation>
    </message>
    <message>
        <source>A carrier&apos;s zone chart for one warehouse: USPS Postal Explorer JSON, a CSV dest_zip3,zone, or a UPS chart saved as XLSX or CSV</source>
        <translation>某个仓库的承运商分区表：USPS Postal Explorer 的 JSON、dest_zip3,zone 格式的 CSV，或另存为 XLSX/CSV 的 UPS 分区表</translation>
    </message>
    <message>
        <source>Each destination&apos;s units go to the warehouse with the lowest zone. Zones come from the carrier chart imported for a warehouse (haicang zones import), else from the distance between ZIP3 centres. Cost saved uses the client&apos;s own label costs per zone where there are at least three, else an indicative price per zone (not a quote).</source>
        <translation>每个目的地的件数归到分区最低的仓库。分区取自为该仓库导入的承运商分区表（haicang zones import），没有则按邮编前三位中心点之间的距离估算。节省运费在某分区有至少三张该客户面单时按其平均成本计算，否则按该分区参考价估算（并非报价）。</translation>
    </message>
    <message numerus="yes">
        <source>%n SKU(s)</source>
        <translation>
            <numerusform>%n 个 SKU</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <comment>between warehouses in a list</comment>
        <translation>，</translation>
    </message>
    <message>
        <source>{warehouse}: carrier chart</source>
        <translation>{warehouse}：承运商分区表</translation>
    </message>
    <message>
        <source>{warehouse}: distance estimate</source>
        <translation>{warehouse}：距离估算</translation>
    </message>
    <message>
        <source>Compared with shipping everything from {warehouse}. Zones — {sources}.</source>
        <translation>对比全部从 {warehouse} 发货。分区来源 — {sources}。</translation>
    </message>
    <message>
        <source>Label costs used: {costs}.</source>
        <translation>采用的面单成本：{costs}。</translation>
    </message>
    <message>
        <source>Export stock split</source>
        <translation>导出分仓补货建议</translation>
    </message>
    <message>
        <source>Saved {path}.</source>
        <translation>已保存 {path}。</translation>
    </message>
    <message>
        <source>Import zone chart</source>
        <translation>导入分区表</translation>
    </message>
    <message>
        <source>Zone charts (*.json *.csv *.xlsx)</source>
        <translation>分区表 (*.json *.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Warehouse whose chart this is:</source>
        <translation>此分区表所属仓库：</translation>
    </message>
    <message numerus="yes">
        <source>{carrier} zone chart imported for {warehouse}: %n ZIP3(s).</source>
        <translation>
            <numerusform>已为 {warehouse} 导入 {carrier} 分区表：%n 个邮编前三位。</numerusform>
        </translation>
    </message>
    <message>
        <source>Lines with problems: {lines}.</source>
        <translation>有问题的行：{lines}。</translation>
    </message>
</context>
</TS>
