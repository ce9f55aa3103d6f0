<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ColumnMappingPanel</name>
    <message>
        <source>Order number</source>
        <extracomment>The order fields as a clerk reads them, in the template&apos;s order.</extracomment>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Order date</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
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
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Address line 1</source>
        <translation>地址1</translation>
    </message>
    <message>
        <source>Address line 2</source>
        <translation>地址2</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>State</source>
        <translation>州</translation>
    </message>
    <message>
        <source>ZIP code</source>
        <translation>邮编</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Shipping service</source>
        <translation>运输方式</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>e.g. Goodcang outbound template</source>
        <extracomment>Field combos per row of the grid (three pairs fit the dialog at 1366×768).</extracomment>
        <translation>例如：谷仓出库模板</translation>
    </message>
    <message>
        <source>Save preset and check file</source>
        <translation>保存方案并检查文件</translation>
    </message>
    <message>
        <source>Preset name</source>
        <translation>方案名称</translation>
    </message>
    <message>
        <source>The first rows as they will be read:</source>
        <translation>前几行的读取结果：</translation>
    </message>
    <message>
        <source>Choose the column of {file} for each order field (* required). The mapping is saved as a preset of client {client}, and the next file of this layout is recognised by itself.</source>
        <translation>请为每个订单字段选择 {file} 中对应的列（* 为必填）。对应关系将保存为客户 {client} 的列映射方案，下次导入同样格式的文件时会自动识别。</translation>
    </message>
    <message>
        <source>— not in the file —</source>
        <translation>— 文件中没有 —</translation>
    </message>
    <message>
        <source>Choose a column for: {fields}.</source>
        <translation>请为以下字段选择列：{fields}。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Column &apos;{column}&apos; is chosen for both {first} and {second}.</source>
        <translation>列“{column}”同时被选为{first}和{second}。</translation>
    </message>
</context>
<context>
    <name>PresetTools</name>
    <message>
        <source>Presets</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>Delete the chosen preset…</source>
        <translation>删除所选方案…</translation>
    </message>
    <message>
        <source>Export the client&apos;s presets…</source>
        <translation>导出该客户的方案…</translation>
    </message>
    <message>
        <source>Import presets…</source>
        <translation>导入方案…</translation>
    </message>
    <message>
        <source>Preset &apos;{name}&apos; deleted.</source>
        <translation>方案“{name}”已删除。</translation>
    </message>
    <message numerus="yes">
        <source>%n preset(s) imported for {client}.</source>
        <translation>
            <numerusform>已为 {client} 导入 %n 个方案。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n preset(s) exported to {path}.</source>
        <translation>
            <numerusform>已将 %n 个方案导出到 {path}。</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose the client first.</source>
        <translation>请先选择客户。</translation>
    </message>
    <message>
        <source>Delete preset</source>
        <translation>删除方案</translation>
    </message>
    <message>
        <source>Delete the column preset &apos;{name}&apos; of client {client}? Orders imported with it stay as they are.</source>
        <translation>删除客户 {client} 的列映射方案“{name}”？已用它导入的订单不受影响。</translation>
    </message>
    <message>
        <source>Export column presets</source>
        <translation>导出列映射方案</translation>
    </message>
    <message>
        <source>Column presets (*.json)</source>
        <translation>列映射方案 (*.json)</translation>
    </message>
    <message>
        <source>Import column presets</source>
        <translation>导入列映射方案</translation>
    </message>
    <message>
        <source>Column presets (*.json);;All files (*)</source>
        <translation>列映射方案 (*.json);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>TemplateDownload</name>
    <message>
        <source>English headers</source>
        <translation>英文表头</translation>
    </message>
    <message>
        <source>Chinese headers (中文表头)</source>
        <translation>中文表头</translation>
    </message>
    <message>
        <source>Save the order template</source>
        <translation>保存订单模板</translation>
    </message>
</context>
</TS>
