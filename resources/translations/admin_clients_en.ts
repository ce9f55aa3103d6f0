<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>BinRangeDialog</name>
    <message numerus="yes">
        <source>%n bin(s): {first} … {last}</source>
        <translation>
            <numerusform>%n bin: {first} … {last}</numerusform>
            <numerusform>%n bins: {first} … {last}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClientDialog</name>
    <message numerus="yes">
        <source> business day(s)</source>
        <translation>
            <numerusform> business day</numerusform>
            <numerusform> business days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClientsTab</name>
    <message numerus="yes">
        <source>%n client(s)</source>
        <translation>
            <numerusform>%n client</numerusform>
            <numerusform>%n clients</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WarehousesTab</name>
    <message numerus="yes">
        <source>%n bin(s)</source>
        <translation>
            <numerusform>%n bin</numerusform>
            <numerusform>%n bins</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bin(s) added to {warehouse}: {first} … {last}.</source>
        <translation>
            <numerusform>%n bin added to {warehouse}: {first} … {last}.</numerusform>
            <numerusform>%n bins added to {warehouse}: {first} … {last}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bin(s) imported into {warehouse}.</source>
        <translation>
            <numerusform>%n bin imported into {warehouse}.</numerusform>
            <numerusform>%n bins imported into {warehouse}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bin(s) enabled.</source>
        <translation>
            <numerusform>%n bin enabled.</numerusform>
            <numerusform>%n bins enabled.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bin(s) disabled.</source>
        <translation>
            <numerusform>%n bin disabled.</numerusform>
            <numerusform>%n bins disabled.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Printing %n label(s) on {printer}…</source>
        <translation>
            <numerusform>Printing %n label on {printer}…</numerusform>
            <numerusform>Printing %n labels on {printer}…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bin label(s) sent to {printer}.</source>
        <translation>
            <numerusform>%n bin label sent to {printer}.</numerusform>
            <numerusform>%n bin labels sent to {printer}.</numerusform>
        </translation>
    </message>
</context>
</TS>