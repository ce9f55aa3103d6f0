<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>ChannelsPage</name>
    <message numerus="yes">
        <source>%n store(s)</source>
        <translation>
            <numerusform>%n store</numerusform>
            <numerusform>%n stores</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Syncing {store}: page {pages}, %Ln order(s) read, {new} new, {updated} updated</source>
        <translation>
            <numerusform>Syncing {store}: page {pages}, %Ln order read, {new} new, {updated} updated</numerusform>
            <numerusform>Syncing {store}: page {pages}, %Ln orders read, {new} new, {updated} updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{store}: %Ln order(s) read, {new} new, {updated} updated, {cancelled} cancelled, {held} held.</source>
        <translation>
            <numerusform>{store}: %Ln order read, {new} new, {updated} updated, {cancelled} cancelled, {held} held.</numerusform>
            <numerusform>{store}: %Ln orders read, {new} new, {updated} updated, {cancelled} cancelled, {held} held.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{platform_sku} → {sku}; %n held order(s) released.</source>
        <translation>
            <numerusform>{platform_sku} → {sku}; %n held order released.</numerusform>
            <numerusform>{platform_sku} → {sku}; %n held orders released.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message numerus="yes">
        <source>Sync: %n store(s) failing</source>
        <translation>
            <numerusform>Sync: %n store failing</numerusform>
            <numerusform>Sync: %n stores failing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sync: %n push(es) failed</source>
        <translation>
            <numerusform>Sync: %n push failed</numerusform>
            <numerusform>Sync: %n pushes failed</numerusform>
        </translation>
    </message>
</context>
</TS>