<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>BillingPage</name>
    <message numerus="yes">
        <source>%n price(s)</source>
        <translation>
            <numerusform>%n price</numerusform>
            <numerusform>%n prices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{description} — %n source(s), {amount} in all</source>
        <translation>
            <numerusform>{description} — %n source, {amount} in all</numerusform>
            <numerusform>{description} — %n sources, {amount} in all</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{day}: %n new charge(s), {amount} in all.</source>
        <translation>
            <numerusform>{day}: %n new charge, {amount} in all.</numerusform>
            <numerusform>{day}: %n new charges, {amount} in all.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n charge(s), {total} in all</source>
        <translation>
            <numerusform>%n charge, {total} in all</numerusform>
            <numerusform>%n charges, {total} in all</numerusform>
        </translation>
    </message>
</context>
</TS>