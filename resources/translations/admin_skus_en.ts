<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>SkuImportDialog</name>
    <message numerus="yes">
        <source>%n row(s): </source>
        <translation>
            <numerusform>%n row: </numerusform>
            <numerusform>%n rows: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n new</numerusform>
            <numerusform>%n new</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <translation>
            <numerusform>%n updated</numerusform>
            <numerusform>%n updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unchanged</source>
        <translation>
            <numerusform>%n unchanged</numerusform>
            <numerusform>%n unchanged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n row(s) with problems, listed below.</source>
        <translation>
            <numerusform>; %n row with problems, listed below.</numerusform>
            <numerusform>; %n rows with problems, listed below.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SkusTab</name>
    <message numerus="yes">
        <source>%n SKU(s)</source>
        <translation>
            <numerusform>%n SKU</numerusform>
            <numerusform>%n SKUs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with problems were left out.</source>
        <translation>
            <numerusform>%n row with problems were left out.</numerusform>
            <numerusform>%n rows with problems were left out.</numerusform>
        </translation>
    </message>
</context>
</TS>