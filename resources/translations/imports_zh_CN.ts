<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
        <source>{count} line(s) above the header were ignored.</source>
        <translation>已忽略表头上方的 {count} 行。</translation>
    </message>
    <message>
        <source>SKU &apos;{value}&apos; is not a product of client {client}</source>
        <translation>SKU“{value}”不是客户 {client} 的商品</translation>
    </message>
    <message>
        <source>order {number} already exists with different content ({fields})</source>
        <translation>订单 {number} 已存在且内容不同（{fields}）</translation>
    </message>
</context>
</TS>
