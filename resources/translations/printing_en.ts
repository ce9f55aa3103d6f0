<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>SellerLabelsPanel</name>
    <message numerus="yes">
        <source>{file}: %n label(s), {matched} matched, {unmatched} without an order.</source>
        <translation><numerusform>{file}: %n label, {matched} matched, {unmatched} without an order.</numerusform><numerusform>{file}: %n labels, {matched} matched, {unmatched} without an order.</numerusform></translation>
    </message>
</context>
</TS>