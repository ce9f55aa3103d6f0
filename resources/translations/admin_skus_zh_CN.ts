<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>SkuDialog</name>
    <message>
        <source>Edit SKU {code}</source>
        <extracomment>Unit shown in the box -&gt; grams or millimetres per unit.</extracomment>
        <translation>编辑 SKU {code}</translation>
    </message>
    <message>
        <source>Add SKU for client {client}</source>
        <translation>为客户 {client} 添加 SKU</translation>
    </message>
    <message>
        <source>e.g. MUG-RED</source>
        <translation>例如 MUG-RED</translation>
    </message>
    <message>
        <source>Scan or type a barcode, then Enter</source>
        <translation>扫描或输入条码，按回车添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Ships in its own packaging</source>
        <translation>自带包装，可直接发货</translation>
    </message>
    <message>
        <source>Lot tracked</source>
        <translation>批次管理</translation>
    </message>
    <message>
        <source>Dangerous goods</source>
        <translation>危险品</translation>
    </message>
    <message>
        <source>per unit, e.g. 4.50</source>
        <translation>单件价值，例如 4.50</translation>
    </message>
    <message>
        <source>6 to 10 digits, e.g. 6912.00.48</source>
        <translation>6 到 10 位数字，例如 6912.00.48</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Lot-tracked SKUs: never ship stock expiring within this many days</source>
        <translation>批次管理的 SKU：距过期不足这么多天的库存不发货</translation>
    </message>
    <message>
        <source>SKU code</source>
        <translation>SKU 编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>英文品名</translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation>中文品名</translation>
    </message>
    <message>
        <source>Barcodes</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>重量</translation>
    </message>
    <message>
        <source>L × W × H</source>
        <translation>长 × 宽 × 高</translation>
    </message>
    <message>
        <source>Handling</source>
        <translation>处理要求</translation>
    </message>
    <message>
        <source>Declared value</source>
        <translation>申报价值</translation>
    </message>
    <message>
        <source>HS code</source>
        <translation>海关编码</translation>
    </message>
    <message>
        <source>Do not ship within</source>
        <translation>临期不发货天数</translation>
    </message>
</context>
<context>
    <name>SkuImportDialog</name>
    <message>
        <source>Import SKUs for client {client}</source>
        <translation>为客户 {client} 导入 SKU</translation>
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
        <source>Check file</source>
        <translation>检查文件</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Choose the file. SKUs the client already has are updated with the cells the file fills in; empty cells keep what is stored.</source>
        <translation>请选择文件。客户已有的 SKU 会按文件中填写的单元格更新；空白单元格保留原有内容。</translation>
    </message>
    <message>
        <source>Import all</source>
        <translation>全部导入</translation>
    </message>
    <message>
        <source>Import valid rows only</source>
        <translation>仅导入无误的行</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Choose a SKU file</source>
        <translation>选择 SKU 文件</translation>
    </message>
    <message>
        <source>SKU files (*.csv *.xlsx *.txt);;All files (*)</source>
        <translation>SKU 文件 (*.csv *.xlsx *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>正在检查文件…</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s): </source>
        <translation>
            <numerusform>共 %n 行：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>新增 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <translation>
            <numerusform>更新 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unchanged</source>
        <translation>
            <numerusform>%n 个未变</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n row(s) with problems, listed below.</source>
        <translation>
            <numerusform>；%n 行有问题，见下表。</numerusform>
        </translation>
    </message>
    <message>
        <source>; no problems.</source>
        <translation>；没有问题。</translation>
    </message>
</context>
<context>
    <name>SkuProblemsModel</name>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>SkusModel</name>
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
        <translation>英文品名</translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation>中文品名</translation>
    </message>
    <message>
        <source>Barcodes</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>Weight (g)</source>
        <translation>重量(g)</translation>
    </message>
    <message>
        <source>L×W×H (mm)</source>
        <translation>长×宽×高(mm)</translation>
    </message>
    <message>
        <source>Handling</source>
        <translation>处理要求</translation>
    </message>
    <message>
        <source>Declared value</source>
        <translation>申报价值</translation>
    </message>
    <message>
        <source>HS code</source>
        <translation>海关编码</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Prepacked</source>
        <translation>自带包装</translation>
    </message>
    <message>
        <source>Lots</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Hazmat</source>
        <translation>危险品</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>SkusTab</name>
    <message>
        <source>Search or scan (SKU, name, barcode)</source>
        <translation>搜索或扫描（SKU、品名、条码）</translation>
    </message>
    <message>
        <source>Add SKU…</source>
        <translation>添加 SKU…</translation>
    </message>
    <message>
        <source>Ins or Ctrl+N</source>
        <translation>Ins 或 Ctrl+N</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>回车</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Import SKUs…</source>
        <translation>导入 SKU…</translation>
    </message>
    <message>
        <source>Download template…</source>
        <translation>下载模板…</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message numerus="yes">
        <source>%n SKU(s)</source>
        <translation>
            <numerusform>%n 个 SKU</numerusform>
        </translation>
    </message>
    <message>
        <source>All clients</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>{code} (disabled)</source>
        <translation>{code}（已停用）</translation>
    </message>
    <message>
        <source>No SKU matches {text}.</source>
        <translation>没有与 {text} 匹配的 SKU。</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Pick the client the SKU belongs to first.</source>
        <translation>请先选择该 SKU 所属的客户。</translation>
    </message>
    <message>
        <source>SKU {code} saved.</source>
        <translation>SKU {code} 已保存。</translation>
    </message>
    <message>
        <source>SKU {code} enabled.</source>
        <translation>SKU {code} 已启用。</translation>
    </message>
    <message>
        <source>SKU {code} disabled: it keeps its stock and history.</source>
        <translation>SKU {code} 已停用：库存和历史记录保留。</translation>
    </message>
    <message>
        <source>Pick the client whose SKUs the file lists first.</source>
        <translation>请先选择文件中 SKU 所属的客户。</translation>
    </message>
    <message>
        <source>SKUs imported for {client}: {created} new, {updated} updated, {unchanged} unchanged.</source>
        <translation>已为 {client} 导入 SKU：新增 {created} 个，更新 {updated} 个，未变 {unchanged} 个。</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with problems were left out.</source>
        <translation>
            <numerusform>%n 行有问题，未导入。</numerusform>
        </translation>
    </message>
    <message>
        <source>English headers</source>
        <translation>英文表头</translation>
    </message>
    <message>
        <source>Chinese headers (中文表头)</source>
        <translation>中文表头</translation>
    </message>
    <message>
        <source>Save the SKU template</source>
        <translation>保存 SKU 模板</translation>
    </message>
    <message>
        <source>Template saved to {path}.</source>
        <translation>模板已保存到 {path}。</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>&apos;{value}&apos; is not a number</source>
        <translation>“{value}”不是数字</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is too large</source>
        <translation>“{value}”数值过大</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not yes or no</source>
        <translation>“{value}”不是“是”或“否”</translation>
    </message>
    <message>
        <source>a new SKU needs a name</source>
        <translation>新 SKU 必须填写品名</translation>
    </message>
    <message>
        <source>{column} and {other} are both filled in; keep one of them</source>
        <translation>{column} 和 {other} 都填写了，请只保留一个</translation>
    </message>
    <message>
        <source>SKU {sku} is also on line {other_line}</source>
        <translation>SKU {sku} 与第 {other_line} 行重复</translation>
    </message>
    <message>
        <source>barcode {barcode} is also on line {other_line}</source>
        <translation>条码 {barcode} 与第 {other_line} 行重复</translation>
    </message>
    <message>
        <source>barcode {barcode} already belongs to SKU {sku}</source>
        <translation>条码 {barcode} 已属于 SKU {sku}</translation>
    </message>
    <message>
        <source>SKU</source>
        <extracomment>What separates several barcodes typed or imported in one field.</extracomment>
        <translation>SKU</translation>
    </message>
    <message>
        <source>name</source>
        <translation>品名</translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation>中文品名</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>重量</translation>
    </message>
    <message>
        <source>length</source>
        <translation>长</translation>
    </message>
    <message>
        <source>width</source>
        <translation>宽</translation>
    </message>
    <message>
        <source>height</source>
        <translation>高</translation>
    </message>
    <message>
        <source>declared value</source>
        <translation>申报价值</translation>
    </message>
    <message>
        <source>HS code</source>
        <translation>海关编码</translation>
    </message>
    <message>
        <source>barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>expiry window</source>
        <translation>临期天数</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>不能为负数</translation>
    </message>
    <message>
        <source>must be 1 to 64 characters</source>
        <translation>须为 1 到 64 个字符</translation>
    </message>
    <message>
        <source>must be at most 300 characters</source>
        <translation>不能超过 300 个字符</translation>
    </message>
    <message>
        <source>must be at most 1,000,000 g</source>
        <translation>不能超过 1,000,000 克</translation>
    </message>
    <message>
        <source>must be at most 10,000 mm</source>
        <translation>不能超过 10,000 毫米</translation>
    </message>
    <message>
        <source>must be at most 9,999,999,999.99</source>
        <translation>不能超过 9,999,999,999.99</translation>
    </message>
    <message>
        <source>must be an amount such as 12.50</source>
        <translation>须为金额，例如 12.50</translation>
    </message>
    <message>
        <source>must have at most 2 decimals</source>
        <translation>最多两位小数</translation>
    </message>
    <message>
        <source>must be 6 to 10 digits (dots allowed)</source>
        <translation>须为 6 到 10 位数字（可含小数点）</translation>
    </message>
    <message>
        <source>must be 1 to 64 characters without spaces</source>
        <translation>须为 1 到 64 个字符，不含空格</translation>
    </message>
    <message>
        <source>must be 0 to 3,650 days</source>
        <translation>必须在 0 到 3,650 天之间</translation>
    </message>
    <message>
        <source>Barcode {barcode} already belongs to SKU {sku}.</source>
        <extracomment>Which template column of the SKU file each field&apos;s problems belong to.</extracomment>
        <translation>条码 {barcode} 已属于 SKU {sku}。</translation>
    </message>
</context>
</TS>
