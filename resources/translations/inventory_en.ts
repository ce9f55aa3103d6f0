<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>StockActionPanel</name>
    <message numerus="yes">
        <source>%n backordered order(s) now allocated: {orders}.</source>
        <translation>
            <numerusform>%n backordered order now allocated: {orders}.</numerusform>
            <numerusform>%n backordered orders now allocated: {orders}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StockBySkuModel</name>
    <message numerus="yes">
        <source>%Ln unit(s) in receiving, staging, returns or damaged bins cannot be sold until moved to a pick or storage bin.</source>
        <translation>
            <numerusform>%Ln unit in receiving, staging, returns or damaged bins cannot be sold until moved to a pick or storage bin.</numerusform>
            <numerusform>%Ln units in receiving, staging, returns or damaged bins cannot be sold until moved to a pick or storage bin.</numerusform>
        </translation>
    </message>
</context>
</TS>