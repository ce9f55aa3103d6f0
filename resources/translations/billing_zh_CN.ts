<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BillingPage</name>
    <message>
        <source>Receiving per carton</source>
        <extracomment>How each kind of fee reads on the screen (the value stays the card&apos;s code).</extracomment>
        <translation>收货（按箱）</translation>
    </message>
    <message>
        <source>Receiving per pallet</source>
        <translation>收货（按托）</translation>
    </message>
    <message>
        <source>Container unloading</source>
        <translation>拆柜</translation>
    </message>
    <message>
        <source>Receiving per unit</source>
        <translation>收货（按件）</translation>
    </message>
    <message>
        <source>Storage by lot age</source>
        <translation>仓储费（按库龄）</translation>
    </message>
    <message>
        <source>Pick &amp; pack per order</source>
        <translation>订单操作费</translation>
    </message>
    <message>
        <source>Extra unit</source>
        <translation>续件费</translation>
    </message>
    <message>
        <source>Label markup %</source>
        <translation>面单加价 %</translation>
    </message>
    <message>
        <source>Packing material per box</source>
        <translation>包材费（按箱）</translation>
    </message>
    <message>
        <source>Labelling</source>
        <translation>贴标</translation>
    </message>
    <message>
        <source>Bagging</source>
        <translation>套袋</translation>
    </message>
    <message>
        <source>Kitting</source>
        <translation>组套</translation>
    </message>
    <message>
        <source>Return by weight</source>
        <translation>退货处理（按重量）</translation>
    </message>
    <message>
        <source>Other (ad hoc)</source>
        <translation>其他（临时）</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Rate card</source>
        <translation>费率卡</translation>
    </message>
    <message>
        <source>Charges</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>账单</translation>
    </message>
    <message>
        <source>m³ per day</source>
        <translation>每立方米每天</translation>
    </message>
    <message>
        <source>ft³ per day</source>
        <translation>每立方英尺每天</translation>
    </message>
    <message>
        <source>pallet per day</source>
        <translation>每托每天</translation>
    </message>
    <message>
        <source>bin per day</source>
        <translation>每库位每天</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Storage priced per</source>
        <translation>仓储计价单位</translation>
    </message>
    <message>
        <source>Dim divisor (in³/lb)</source>
        <translation>材积除数（in³/lb）</translation>
    </message>
    <message>
        <source>Monthly minimum</source>
        <translation>月最低消费</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>费用项</translation>
    </message>
    <message>
        <source>From (g or days)</source>
        <translation>起（克或天）</translation>
    </message>
    <message>
        <source>To (empty = and above)</source>
        <translation>止（空 = 及以上）</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Line minimum</source>
        <translation>单行最低收费</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Weight tiers in grams (pick/pack by billable weight = max(actual, dimensional); returns by weight); storage tiers in days of lot age, the day of receipt is day 1. Tiers of a fee start at 0 and leave no gap. The label price is a markup in percent on the label&apos;s cost.</source>
        <translation>重量阶梯以克计（操作费按计费重 = 实重与材积重取大；退货按重量）；仓储阶梯按批次库龄天数计，入库当天为第 1 天。同一费用项的阶梯从 0 开始，中间不能留空档。面单的单价为在面单成本上加价的百分比。</translation>
    </message>
    <message>
        <source>Add row</source>
        <translation>添加行</translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation>删除行</translation>
    </message>
    <message>
        <source>Save rate card</source>
        <translation>保存费率卡</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy from</source>
        <translation>复制自</translation>
    </message>
    <message>
        <source>no rate card yet: copy a template or another client&apos;s card</source>
        <translation>尚无费率卡：请复制模板或其他客户的费率卡</translation>
    </message>
    <message numerus="yes">
        <source>%n price(s)</source>
        <translation>
            <numerusform>%n 项价格</numerusform>
        </translation>
    </message>
    <message>
        <source>Row {row}: a number is not written right.</source>
        <translation>第 {row} 行：数字格式不正确。</translation>
    </message>
    <message>
        <source>Rate card of {client} saved.</source>
        <translation>{client} 的费率卡已保存。</translation>
    </message>
    <message>
        <source>Copied {source} to {client}.</source>
        <translation>已将 {source} 复制到 {client}。</translation>
    </message>
    <message>
        <source>Select a line to see the orders, receipts, returns or lot-days it sums.</source>
        <translation>选择一行，查看它汇总的订单、收货、退货或批次日。</translation>
    </message>
    <message>
        <source>Accrue day</source>
        <translation>计费当天</translation>
    </message>
    <message numerus="yes">
        <source>{description} — %n source(s), {amount} in all</source>
        <translation>
            <numerusform>{description} — %n 个来源，合计 {amount}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{day}: %n new charge(s), {amount} in all.</source>
        <translation>
            <numerusform>{day}：新增 %n 笔费用，合计 {amount}。</numerusform>
        </translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>生成草稿</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>出账</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export XLSX…</source>
        <translation>导出 XLSX…</translation>
    </message>
    <message>
        <source>{number}: total {total} {currency}.</source>
        <translation>{number}：合计 {total} {currency}。</translation>
    </message>
    <message>
        <source>Export invoice</source>
        <translation>导出账单</translation>
    </message>
    <message>
        <source>Wrote {file}.</source>
        <translation>已写入 {file}。</translation>
    </message>
    <message>
        <source>Template: {name}</source>
        <translation>模板：{name}</translation>
    </message>
    <message>
        <source>Client: {code}</source>
        <translation>客户：{code}</translation>
    </message>
    <message>
        <source>Charged through {day} (each night on an office PC)</source>
        <translation>已计费至 {day}（每晚由办公室电脑自动计费）</translation>
    </message>
    <message>
        <source>The nightly billing job has not run yet</source>
        <translation>每晚自动计费尚未运行过</translation>
    </message>
    <message numerus="yes">
        <source>%n charge(s), {total} in all</source>
        <translation>
            <numerusform>%n 笔费用，合计 {total}</numerusform>
        </translation>
    </message>
    <message>
        <source>{number} ({status}): charges {subtotal} + minimum top-up {topup} − credits {credits} = {total} {currency}</source>
        <translation>{number}（{status}）：费用 {subtotal} + 最低消费补足 {topup} − 抵扣 {credits} = {total} {currency}</translation>
    </message>
    <message>
        <source>No invoice for {month} yet.</source>
        <translation>{month} 尚无账单。</translation>
    </message>
</context>
<context>
    <name>ChargesModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>费用项</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源数</translation>
    </message>
    <message>
        <source>ad hoc</source>
        <translation>手工</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>计费键</translation>
    </message>
</context>
<context>
    <name>InvoicesModel</name>
    <message>
        <source>Invoice</source>
        <translation>账单号</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Charges</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Minimum top-up</source>
        <translation>最低消费补足</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>抵扣</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>issued</source>
        <translation>已出账</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Billing</source>
        <translation>计费</translation>
    </message>
</context>
<context>
    <name>SourcesModel</name>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
</context>
</TS>
