<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>OrderNotes</name>
    <message>
        <source>address masked by TikTok: needs TikTok&apos;s label</source>
        <translation>地址被 TikTok 隐藏：需使用 TikTok 的面单</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Cannot import {path}: this file looks like {encoding}. Open it in Excel and save it as &apos;CSV UTF-8 (Comma delimited)&apos;.</source>
        <translation>无法导入 {path}：此文件的编码看起来是 {encoding}。请用 Excel 打开，另存为“CSV UTF-8 (逗号分隔)”格式。</translation>
    </message>
    <message>
        <source>Cannot import {path}: its encoding changes on line {line} (line {first} is {before}, line {line} is {after}). Open it in Excel and save it as &apos;CSV UTF-8 (Comma delimited)&apos;.</source>
        <translation>无法导入 {path}：文件编码在第 {line} 行发生变化（第 {first} 行是 {before}，第 {line} 行是 {after}）。请用 Excel 打开，另存为“CSV UTF-8 (逗号分隔)”格式。</translation>
    </message>
    <message>
        <source>Big5 (Traditional Chinese)</source>
        <extracomment>What to call an encoding in a message (the codec names of Python and charset-normalizer).</extracomment>
        <translation>Big5（繁体中文）</translation>
    </message>
    <message>
        <source>Shift-JIS (Japanese)</source>
        <translation>Shift-JIS（日文）</translation>
    </message>
    <message>
        <source>EUC-JP (Japanese)</source>
        <translation>EUC-JP（日文）</translation>
    </message>
    <message>
        <source>EUC-KR (Korean)</source>
        <translation>EUC-KR（韩文）</translation>
    </message>
    <message>
        <source>UTF-7</source>
        <translation>UTF-7</translation>
    </message>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>Windows-1252 (Western European)</source>
        <translation>Windows-1252（西欧语言）</translation>
    </message>
    <message>
        <source>Windows-1250 (Central European)</source>
        <translation>Windows-1250（中欧语言）</translation>
    </message>
    <message>
        <source>Windows-1251 (Cyrillic)</source>
        <translation>Windows-1251（西里尔文）</translation>
    </message>
    <message>
        <source>an unknown encoding</source>
        <translation>无法识别的编码</translation>
    </message>
    <message>
        <source>GBK or another encoding</source>
        <translation>GBK 或其他编码</translation>
    </message>
    <message>
        <source>Cannot import {path}: it is not a file saved on disk (a folder, a device or a pipe); choose a saved file.</source>
        <extracomment>The largest file an import reads (200 MB: about a million order lines in CSV). Named in README.md and docs/user-guide.md.</extracomment>
        <translation>无法导入 {path}：它不是保存在磁盘上的文件（而是文件夹、设备或管道），请选择已保存的文件。</translation>
    </message>
    <message>
        <source>Cannot import {path}: it is {size} MB, more than the {limit} MB an import file may have; split it into smaller files.</source>
        <translation>无法导入 {path}：文件大小为 {size} MB，超过导入文件 {limit} MB 的上限，请拆分成几个较小的文件。</translation>
    </message>
    <message>
        <source>Cannot import {path}: it is an Amazon &quot;All Orders&quot; report, which has no street addresses. In Seller Central open Orders → Order Reports → Unshipped Orders, download that report and import it instead.</source>
        <translation>无法导入 {path}：这是亚马逊的“所有订单”（All Orders）报告，不含街道地址。请在卖家平台打开 订单 → 订单报告 → 未发货订单（Unshipped Orders），下载该报告后再导入。</translation>
    </message>
</context>
<context>
    <name>imports</name>
    <message>
        <source>{column} is missing</source>
        <translation>缺少{column}</translation>
    </message>
    <message>
        <source>{column} is longer than {limit} characters</source>
        <translation>{column}超过 {limit} 个字符</translation>
    </message>
    <message>
        <source>quantity &apos;{value}&apos; is not a whole number greater than 0</source>
        <translation>数量“{value}”不是大于 0 的整数</translation>
    </message>
    <message>
        <source>quantity {value} is more than {limit}</source>
        <translation>数量 {value} 超过 {limit}</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a US state</source>
        <translation>“{value}”不是美国的州</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a US ZIP code (12345 or 12345-6789)</source>
        <translation>“{value}”不是美国邮编（12345 或 12345-6789）</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a date (use YYYY-MM-DD or YYYY-MM-DD HH:MM)</source>
        <translation>“{value}”不是日期（请用 YYYY-MM-DD 或 YYYY-MM-DD HH:MM）</translation>
    </message>
    <message>
        <source>unit price &apos;{value}&apos; is not an amount of 0 or more</source>
        <translation>单价“{value}”不是大于等于 0 的金额</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a currency code such as USD</source>
        <translation>“{value}”不是货币代码（例如 USD）</translation>
    </message>
    <message>
        <source>country &apos;{value}&apos; is outside the US; orders must ship to a US address</source>
        <translation>国家“{value}”不在美国；订单必须寄往美国地址</translation>
    </message>
    <message>
        <source>{column} contains a control character ({char}); type the cell again</source>
        <translation>{column} 含有控制字符（{char}），请重新输入该单元格</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; was turned into a number by Excel and lost digits; format the column as text and enter it again</source>
        <translation>“{value}”被 Excel 转成了数字并丢失了位数；请把该列设为文本格式后重新输入</translation>
    </message>
    <message>
        <source>{column} &apos;{value}&apos; differs from line {other_line} of the same order (&apos;{other}&apos;)</source>
        <translation>{column}“{value}”与同一订单第 {other_line} 行不同（“{other}”）</translation>
    </message>
    <message>
        <source>Column &apos;{header}&apos; is not in the template and was ignored.</source>
        <translation>列“{header}”不在模板中，已忽略。</translation>
    </message>
    <message>
        <source>Column {column} has no header; its values were ignored.</source>
        <translation>第 {column} 列没有表头，其内容已忽略。</translation>
    </message>
    <message>
        <source>Column &apos;{header}&apos; repeats {column}; only the first one was read.</source>
        <translation>列“{header}”与 {column} 重复；只读取了第一列。</translation>
    </message>
    <message>
        <source>{count} empty line(s) were ignored: {lines}.</source>
        <translation>已忽略 {count} 个空行：{lines}。</translation>
    </message>
    <message>
        <source>ZIP code &apos;{value}&apos; is not in {state}; correct the ZIP code or the state</source>
        <translation>邮编“{value}”不属于 {state}；请更正邮编或州</translation>
    </message>
    <message>
        <source>{count} order(s) go to a PO box or a military APO/FPO/DPO address, where UPS and FedEx do not deliver: {orders}.</source>
        <translation>{count} 个订单寄往邮政信箱（PO Box）或军邮地址（APO/FPO/DPO），UPS 和 FedEx 不派送这类地址：{orders}。</translation>
    </message>
    <message>
        <source>{count} line(s) above the header were ignored.</source>
        <translation>已忽略表头上方的 {count} 行。</translation>
    </message>
    <message>
        <source>Haicang order template</source>
        <extracomment>Per order number in ``orders``: the file line of each of its order lines. &quot;template&quot;, or the platform export it is (&quot;shopify&quot;, &quot;amazon&quot;, &quot;tiktok&quot;). Orders (among ``orders``) to import on hold: number -&gt; reason (&quot;OrderNotes&quot;). Why no header was found, e.g. &quot;no header row with the template columns (...)&quot;. Which layout this map reads (&quot;template&quot;, &quot;shopify&quot; ...; &quot;&quot; for non-order files). Whether a header that names no column is worth a notice: yes for a template a seller filled in, no for a platform export with dozens of columns we do not read. Numbered rows below the header: (line as Excel shows it, cell values). Codes matched against others: invisible characters are dropped from them. The one field that keeps the line breaks of a quoted cell; the others get spaces. A platform export&apos;s rows: turned into template rows (or skipped) before the checks. The platform order exports read as they are, recognised by their headers. What ``--format`` takes.</extracomment>
        <translation>海仓订单模板</translation>
    </message>
    <message>
        <source>SKU &apos;{value}&apos; is not a product of client {client}</source>
        <translation>SKU“{value}”不是客户 {client} 的商品</translation>
    </message>
    <message>
        <source>order {number} already exists with different content ({fields})</source>
        <translation>订单 {number} 已存在且内容不同（{fields}）</translation>
    </message>
    <message>
        <source>{count} line(s) with nothing left to ship (quantity-to-ship 0) were skipped.</source>
        <translation>已跳过 {count} 行无待发数量的商品（quantity-to-ship 为 0）。</translation>
    </message>
    <message>
        <source>Amazon unshipped orders report</source>
        <translation>亚马逊未发货订单报告</translation>
    </message>
    <message>
        <source>{count} line(s) that need no shipping (Lineitem requires shipping: false) were skipped.</source>
        <translation>已跳过 {count} 行无需发货的商品（Lineitem requires shipping 为 false）。</translation>
    </message>
    <message>
        <source>{count} line(s) of cancelled orders were skipped.</source>
        <translation>已跳过 {count} 行已取消订单的商品。</translation>
    </message>
    <message>
        <source>{count} line(s) Shopify shows as fulfilled already were skipped.</source>
        <translation>已跳过 {count} 行 Shopify 显示已发货（fulfilled）的商品。</translation>
    </message>
    <message>
        <source>Shopify orders export</source>
        <extracomment>Order-level cells Shopify writes on an order&apos;s first row only. They are carried to the order&apos;s next rows: the currency is per line in the template, and the first row may be skipped (a gift card, a line fulfilled already) while the order&apos;s other lines ship.</extracomment>
        <translation>Shopify 订单导出文件</translation>
    </message>
    <message>
        <source>{count} row(s) of field descriptions under the header were skipped.</source>
        <translation>已跳过表头下方的 {count} 行字段说明。</translation>
    </message>
    <message>
        <source>{count} line(s) of unpaid orders were skipped.</source>
        <translation>已跳过 {count} 行未付款订单的商品。</translation>
    </message>
    <message>
        <source>{count} line(s) of orders already shipped were skipped.</source>
        <translation>已跳过 {count} 行已发货订单的商品。</translation>
    </message>
    <message>
        <source>TikTok Shop orders export</source>
        <extracomment>The fields TikTok masks; two asterisks in a row never occur in a real address.</extracomment>
        <translation>TikTok Shop 订单导出文件</translation>
    </message>
</context>
</TS>
