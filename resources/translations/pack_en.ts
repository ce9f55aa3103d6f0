<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>PackPage</name>
    <message numerus="yes">
        <source>Order {order} on the bench: %n unit(s) to scan.</source>
        <translation>
            <numerusform>Order {order} on the bench: %n unit to scan.</numerusform>
            <numerusform>Order {order} on the bench: %n units to scan.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Scan each unit: %n unit(s) left (5*SKU counts five)</source>
        <translation>
            <numerusform>Scan each unit: %n unit left (5*SKU counts five)</numerusform>
            <numerusform>Scan each unit: %n units left (5*SKU counts five)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PackPanel</name>
    <message numerus="yes">
        <source>Box {seq}: %n unit(s)</source>
        <translation>
            <numerusform>Box {seq}: %n unit</numerusform>
            <numerusform>Box {seq}: %n units</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Packed this hour: %n order(s)</source>
        <translation>
            <numerusform>Packed this hour: %n order</numerusform>
            <numerusform>Packed this hour: %n orders</numerusform>
        </translation>
    </message>
</context>
</TS>