<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>WavePrinter</name>
    <message numerus="yes">
        <source>{what}: %n document(s) sent to the printer.</source>
        <translation>
            <numerusform>{what}: %n document sent to the printer.</numerusform>
            <numerusform>{what}: %n documents sent to the printer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{what}: %n document(s) not printed (failed jobs wait in the Printing screen's queue): {reason}</source>
        <translation>
            <numerusform>{what}: %n document not printed (failed jobs wait in the Printing screen's queue): {reason}</numerusform>
            <numerusform>{what}: %n documents not printed (failed jobs wait in the Printing screen's queue): {reason}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WavesPage</name>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n order</numerusform>
            <numerusform>%n orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cart(s)</source>
        <translation>
            <numerusform>%n cart</numerusform>
            <numerusform>%n carts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n carrier label(s) of wave {wave} not bought (order {order}: {why}); bought at packing instead.</source>
        <translation>
            <numerusform>%n carrier label of wave {wave} not bought (order {order}: {why}); bought at packing instead.</numerusform>
            <numerusform>%n carrier labels of wave {wave} not bought (order {order}: {why}); bought at packing instead.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n wave(s)</source>
        <translation>
            <numerusform>%n wave</numerusform>
            <numerusform>%n waves</numerusform>
        </translation>
    </message>
</context>
</TS>