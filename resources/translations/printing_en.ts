<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>FlaggedLabelsBox</name>
    <message numerus="yes">
        <source>%n flagged label(s): not printed until accepted or discarded</source>
        <translation>
            <numerusform>%n flagged label: not printed until accepted or discarded</numerusform>
            <numerusform>%n flagged labels: not printed until accepted or discarded</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SellerLabelsPanel</name>
    <message numerus="yes">
        <source>{file}: %n label(s), {matched} matched, {unmatched} without an order.</source>
        <translation>
            <numerusform>{file}: %n label, {matched} matched, {unmatched} without an order.</numerusform>
            <numerusform>{file}: %n labels, {matched} matched, {unmatched} without an order.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) released from the address hold: {numbers}.</source>
        <translation>
            <numerusform>%n order released from the address hold: {numbers}.</numerusform>
            <numerusform>%n orders released from the address hold: {numbers}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) flagged: check before shipping.</source>
        <translation>
            <numerusform>%n label flagged: check before shipping.</numerusform>
            <numerusform>%n labels flagged: check before shipping.</numerusform>
        </translation>
    </message>
</context>
</TS>