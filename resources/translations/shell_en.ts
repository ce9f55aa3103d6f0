<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>ChecklistPage</name>
    <message numerus="yes">
        <source>%n client(s)</source>
        <translation>
            <numerusform>%n client</numerusform>
            <numerusform>%n clients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n SKU(s)</source>
        <translation>
            <numerusform>%n SKU</numerusform>
            <numerusform>%n SKUs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bin(s)</source>
        <translation>
            <numerusform>%n bin</numerusform>
            <numerusform>%n bins</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln unit(s) on hand</source>
        <translation>
            <numerusform>%Ln unit on hand</numerusform>
            <numerusform>%Ln units on hand</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n order</numerusform>
            <numerusform>%n orders</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MyWorkPage</name>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n packed</source>
        <translation>
            <numerusform>%n packed</numerusform>
            <numerusform>%n packed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shipped</source>
        <translation>
            <numerusform>%n shipped</numerusform>
            <numerusform>%n shipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n picking started</source>
        <translation>
            <numerusform>%n picking started</numerusform>
            <numerusform>%n picking started</numerusform>
        </translation>
    </message>
</context>
</TS>