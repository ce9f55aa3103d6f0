<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DashboardPage</name>
    <message>
        <source>Orders placed today</source>
        <translation>今日新订单</translation>
    </message>
    <message>
        <source>Late: not shipped by their ship-by</source>
        <translation>逾期：超过最晚发货时间未发货</translation>
    </message>
    <message>
        <source>Backordered orders</source>
        <translation>缺货待发订单</translation>
    </message>
    <message>
        <source>SKUs low on stock</source>
        <translation>库存偏低的SKU</translation>
    </message>
    <message>
        <source>SKUs out of stock</source>
        <translation>已断货的SKU</translation>
    </message>
    <message>
        <source>Open shipping exceptions</source>
        <translation>未处理的物流异常</translation>
    </message>
    <message>
        <source>Orders by status now</source>
        <translation>当前各状态订单数</translation>
    </message>
    <message>
        <source>Today per hour</source>
        <translation>今日每小时作业量</translation>
    </message>
    <message>
        <source>Today per user</source>
        <translation>今日每人作业量</translation>
    </message>
    <message>
        <source>Low and out of stock</source>
        <translation>低库存与断货</translation>
    </message>
    <message>
        <source>as of {time}</source>
        <translation>更新于 {time}</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Lines picked</source>
        <translation>已拣货行</translation>
    </message>
    <message>
        <source>Parcels packed</source>
        <translation>已打包包裹</translation>
    </message>
    <message>
        <source>Orders shipped</source>
        <translation>已发货订单</translation>
    </message>
    <message>
        <source>out</source>
        <translation>断货</translation>
    </message>
    <message>
        <source>{days} days of cover</source>
        <translation>可售 {days} 天</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>……另有 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing low or out of stock.</source>
        <translation>没有低库存或断货的SKU。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Dashboard</source>
        <extracomment>How often the figures reload while the screen is shown. Picked, packed, shipped: the charts&apos; colours (colour-blind safe blue, orange, green).</extracomment>
        <translation>仪表盘</translation>
    </message>
    <message>
        <source>Sales by region</source>
        <translation>区域销售</translation>
    </message>
</context>
<context>
    <name>RegionsModel</name>
    <message>
        <source>Region</source>
        <translation>区域</translation>
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
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Best sellers</source>
        <translation>畅销SKU</translation>
    </message>
</context>
<context>
    <name>SalesPage</name>
    <message>
        <source>Northeast</source>
        <extracomment>Region names as the screen shows them (the report keeps the English name).</extracomment>
        <translation>东北部</translation>
    </message>
    <message>
        <source>Midwest</source>
        <translation>中西部</translation>
    </message>
    <message>
        <source>South</source>
        <translation>南部</translation>
    </message>
    <message>
        <source>West</source>
        <translation>西部</translation>
    </message>
    <message>
        <source>US-West</source>
        <translation>美西</translation>
    </message>
    <message>
        <source>US-East</source>
        <translation>美东</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Any SKU</source>
        <translation>全部SKU</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>查询</translation>
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
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Export {format}</source>
        <translation>导出 {format}</translation>
    </message>
    <message>
        <source>Units of orders not cancelled, by ship-to state.</source>
        <translation>按收货州统计未取消订单的件数。</translation>
    </message>
    <message>
        <source>By state</source>
        <translation>按州</translation>
    </message>
    <message>
        <source>Census regions</source>
        <translation>人口普查分区</translation>
    </message>
    <message>
        <source>East / West</source>
        <translation>美东 / 美西</translation>
    </message>
    <message>
        <source>All clients</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>units</source>
        <translation>件</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n 个订单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Export sales by region</source>
        <translation>导出区域销售</translation>
    </message>
    <message>
        <source>Saved {path}.</source>
        <translation>已保存 {path}。</translation>
    </message>
</context>
<context>
    <name>StatesModel</name>
    <message>
        <source>State</source>
        <translation>州</translation>
    </message>
    <message>
        <source>Census region</source>
        <translation>人口普查分区</translation>
    </message>
    <message>
        <source>Warehouse region</source>
        <translation>仓库分区</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>件数</translation>
    </message>
</context>
</TS>
