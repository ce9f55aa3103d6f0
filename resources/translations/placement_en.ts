<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>SplitPage</name>
    <message numerus="yes">
        <source>%n SKU(s)</source>
        <translation>
            <numerusform>%n SKU</numerusform>
            <numerusform>%n SKUs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{carrier} zone chart imported for {warehouse}: %n ZIP3(s).</source>
        <translation>
            <numerusform>{carrier} zone chart imported for {warehouse}: %n ZIP3.</numerusform>
            <numerusform>{carrier} zone chart imported for {warehouse}: %n ZIP3s.</numerusform>
        </translation>
    </message>
</context>
</TS>