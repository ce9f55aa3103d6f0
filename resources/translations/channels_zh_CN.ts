<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChannelFields</name>
    <message>
        <source>Orders per request</source>
        <extracomment>A placeholder the value must contain (Walmart&apos;s tracking link needs {tracking}). Amazon marketplaces the North America endpoint serves (SP-API marketplace ids).</extracomment>
        <translation>每次请求订单数</translation>
    </message>
    <message>
        <source>How many orders each request fetches. The default suits almost every store.</source>
        <translation>每次请求读取的订单数。默认值适合几乎所有店铺。</translation>
    </message>
    <message>
        <source>Token address</source>
        <translation>令牌地址</translation>
    </message>
    <message>
        <source>Where access tokens are requested. Leave empty for the platform&apos;s own address.</source>
        <translation>申请访问令牌的地址。留空则使用平台自己的地址。</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>店铺名</translation>
    </message>
    <message>
        <source>The part before .myshopify.com in the shop&apos;s admin address, e.g. acme-us.</source>
        <translation>店铺后台地址中 .myshopify.com 前面的部分，例如 acme-us。</translation>
    </message>
    <message>
        <source>API version</source>
        <translation>API 版本</translation>
    </message>
    <message>
        <source>Shopify&apos;s API version, e.g. 2025-01.</source>
        <translation>Shopify 的 API 版本，例如 2025-01。</translation>
    </message>
    <message>
        <source>Location ID</source>
        <translation>地点 ID</translation>
    </message>
    <message>
        <source>The Shopify location this warehouse&apos;s stock is sent to (Settings → Locations: the number at the end of the location&apos;s address).</source>
        <translation>本仓库存同步到的 Shopify 地点（设置 → 地点：该地点网址末尾的数字）。</translation>
    </message>
    <message>
        <source>E-mail the buyer</source>
        <translation>邮件通知买家</translation>
    </message>
    <message>
        <source>Shopify e-mails the buyer when tracking is sent.</source>
        <translation>回传物流单号时由 Shopify 给买家发邮件。</translation>
    </message>
    <message>
        <source>Admin API access token</source>
        <translation>Admin API 访问令牌</translation>
    </message>
    <message>
        <source>Starts with shpat_ (the store&apos;s custom app). Or give the app&apos;s client ID and secret instead.</source>
        <translation>以 shpat_ 开头（店铺的自定义应用）。也可以改填应用的客户端 ID 和密钥。</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>客户端 ID</translation>
    </message>
    <message>
        <source>From the app&apos;s settings in the Shopify Dev Dashboard.</source>
        <translation>在 Shopify Dev Dashboard 的应用设置中查看。</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>客户端密钥</translation>
    </message>
    <message>
        <source>Shown beside the client ID.</source>
        <translation>与客户端 ID 显示在一起。</translation>
    </message>
    <message>
        <source>Marketplace ID</source>
        <translation>站点 ID（Marketplace ID）</translation>
    </message>
    <message>
        <source>Which Amazon store the orders come from: ATVPDKIKX0DER is amazon.com (US), A2EUQ1WTGCTBG2 Canada, A1AM78C64UM0Y8 Mexico.</source>
        <translation>订单来自哪个亚马逊站点：ATVPDKIKX0DER 是美国站 amazon.com，A2EUQ1WTGCTBG2 是加拿大站，A1AM78C64UM0Y8 是墨西哥站。</translation>
    </message>
    <message>
        <source>Seller ID (Merchant Token)</source>
        <translation>卖家 ID（Merchant Token）</translation>
    </message>
    <message>
        <source>Needed to send stock. Seller Central → Settings → Account Info → Your Merchant Token.</source>
        <translation>同步库存时需要。卖家平台 → 设置 → 账户信息 → 您的卖家记号（Merchant Token）。</translation>
    </message>
    <message>
        <source>Orders API</source>
        <translation>订单接口版本</translation>
    </message>
    <message>
        <source>2026-01-01 reads orders with their items and addresses in one call. v0 is Amazon&apos;s deprecated API: choose it only if the new one is refused for this account.</source>
        <translation>2026-01-01 版一次调用即可读取订单及其商品和地址。v0 是亚马逊已弃用的旧接口：仅当此账号无法使用新接口时才选择。</translation>
    </message>
    <message>
        <source>Fetch buyer addresses</source>
        <translation>读取买家地址</translation>
    </message>
    <message>
        <source>Orders API v0 only: reads ship-to addresses with a Restricted Data Token. Without Amazon&apos;s role for buyer addresses, orders arrive without them and wait on hold for the seller&apos;s labels.</source>
        <translation>仅适用于 v0 订单接口：用受限数据令牌（RDT）读取收货地址。应用没有亚马逊的买家地址权限时，订单进来时没有地址，会暂停等待卖家的面单。</translation>
    </message>
    <message>
        <source>Refresh token</source>
        <translation>刷新令牌</translation>
    </message>
    <message>
        <source>Starts with Atzr|. Given when the seller authorises your app in Seller Central.</source>
        <translation>以 Atzr| 开头。卖家在卖家平台授权您的应用时获得。</translation>
    </message>
    <message>
        <source>LWA client ID</source>
        <translation>LWA 客户端 ID</translation>
    </message>
    <message>
        <source>Starts with amzn1.application-oa2-client. From the app&apos;s Login with Amazon credentials.</source>
        <translation>以 amzn1.application-oa2-client 开头。见应用的 Login with Amazon 凭证。</translation>
    </message>
    <message>
        <source>LWA client secret</source>
        <translation>LWA 客户端密钥</translation>
    </message>
    <message>
        <source>Shown beside the LWA client ID.</source>
        <translation>与 LWA 客户端 ID 显示在一起。</translation>
    </message>
    <message>
        <source>Service name</source>
        <translation>服务名称</translation>
    </message>
    <message>
        <source>Sent to Walmart with every request (WM_SVC.NAME); keep the default.</source>
        <translation>每次请求都发送给沃尔玛（WM_SVC.NAME）；保持默认即可。</translation>
    </message>
    <message>
        <source>Ship node</source>
        <translation>发货节点（Ship node）</translation>
    </message>
    <message>
        <source>The fulfilment centre ID stock is sent to (Seller Center → Settings → Shipping). Empty: the seller&apos;s default.</source>
        <translation>库存同步到的履约中心 ID（卖家中心 → 设置 → 配送）。留空：使用卖家的默认节点。</translation>
    </message>
    <message>
        <source>Shipping method</source>
        <translation>运输方式</translation>
    </message>
    <message>
        <source>Reported to Walmart with each shipment.</source>
        <translation>每次发货时回传给沃尔玛。</translation>
    </message>
    <message>
        <source>Tracking link</source>
        <translation>物流查询链接</translation>
    </message>
    <message>
        <source>For carriers Walmart does not know; {tracking} is replaced by the tracking number.</source>
        <translation>用于沃尔玛不认识的承运商；{tracking} 会替换为物流单号。</translation>
    </message>
    <message>
        <source>Seller Center → Settings → API Key Management.</source>
        <translation>卖家中心 → 设置 → API 密钥管理。</translation>
    </message>
    <message>
        <source>App key</source>
        <translation>App Key</translation>
    </message>
    <message>
        <source>From your app in TikTok Shop Partner Center.</source>
        <translation>在 TikTok Shop 合作伙伴中心的应用中查看。</translation>
    </message>
    <message>
        <source>Shop cipher</source>
        <translation>店铺密文（Shop cipher）</translation>
    </message>
    <message>
        <source>Leave empty: it is read from TikTok when the shop is connected.</source>
        <translation>留空：连接店铺时会从 TikTok 读取。</translation>
    </message>
    <message>
        <source>Shop ID</source>
        <translation>店铺 ID</translation>
    </message>
    <message>
        <source>Only when the app is authorised for several shops.</source>
        <translation>仅当应用授权了多个店铺时填写。</translation>
    </message>
    <message>
        <source>Read orders by</source>
        <translation>订单读取依据</translation>
    </message>
    <message>
        <source>create_time: when placed; update_time: when last changed.</source>
        <translation>create_time：按下单时间；update_time：按最后修改时间。</translation>
    </message>
    <message>
        <source>TikTok warehouse ID</source>
        <translation>TikTok 仓库 ID</translation>
    </message>
    <message>
        <source>Needed to send stock: the warehouse in Seller Center → Shipping → Warehouses.</source>
        <translation>同步库存时需要：卖家中心 → 物流 → 仓库中的仓库。</translation>
    </message>
    <message>
        <source>Shipping provider ID</source>
        <translation>物流商 ID</translation>
    </message>
    <message>
        <source>TikTok&apos;s ID of the carrier you ship with, for tracking.</source>
        <translation>您所用承运商在 TikTok 的 ID，用于回传物流单号。</translation>
    </message>
    <message>
        <source>App secret</source>
        <translation>App Secret</translation>
    </message>
    <message>
        <source>Shown beside the app key.</source>
        <translation>与 App Key 显示在一起。</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>访问令牌</translation>
    </message>
    <message>
        <source>Given when the seller authorises your app; renewed automatically.</source>
        <translation>卖家授权您的应用时获得；会自动续期。</translation>
    </message>
    <message>
        <source>Given with the access token.</source>
        <translation>与访问令牌一起获得。</translation>
    </message>
    <message>
        <source>Access token expires at</source>
        <translation>访问令牌到期时间</translation>
    </message>
    <message>
        <source>Unix time given with the token; leave empty if unknown.</source>
        <translation>随令牌给出的 Unix 时间戳；不知道可留空。</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <source>A whole number from {low} to {high}.</source>
        <translation>请输入 {low} 到 {high} 之间的整数。</translation>
    </message>
    <message>
        <source>An address starting with https://</source>
        <translation>请输入以 https:// 开头的地址</translation>
    </message>
    <message>
        <source>The address must contain {placeholder}.</source>
        <translation>地址中必须包含 {placeholder}。</translation>
    </message>
    <message>
        <source>Not an Amazon marketplace ID this app can sync: use one of {ids}.</source>
        <translation>不是本软件可同步的亚马逊站点 ID：请使用 {ids} 之一。</translation>
    </message>
    <message>
        <source>One of: {choices}.</source>
        <translation>可选值：{choices}。</translation>
    </message>
    <message>
        <source>true or false.</source>
        <translation>请填 true 或 false。</translation>
    </message>
</context>
<context>
    <name>Channels</name>
    <message>
        <source>Shopify</source>
        <translation>Shopify</translation>
    </message>
    <message>
        <source>Amazon</source>
        <translation>亚马逊</translation>
    </message>
    <message>
        <source>Walmart</source>
        <translation>沃尔玛</translation>
    </message>
    <message>
        <source>TikTok Shop</source>
        <translation>TikTok Shop</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation>物流单号</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>{error} (platform request id: {id})</source>
        <translation>{error}（平台请求 ID：{id}）</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>间隔</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>上次同步</translation>
    </message>
    <message>
        <source>Next sync</source>
        <translation>下次同步</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>挂起</translation>
    </message>
    <message>
        <source>Failed pushes</source>
        <translation>回传失败</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
    <message>
        <source>Platform SKU</source>
        <translation>平台 SKU</translation>
    </message>
    <message>
        <source>Warehouse SKU</source>
        <translation>仓库 SKU</translation>
    </message>
    <message>
        <source>Mapped</source>
        <translation>映射方式</translation>
    </message>
    <message>
        <source>automatically</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>Last pushed qty</source>
        <translation>上次回传数量</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Order / SKU</source>
        <translation>订单 / SKU</translation>
    </message>
    <message>
        <source>Sends</source>
        <translation>回传内容</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>Next try</source>
        <translation>下次尝试</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Request id</source>
        <translation>请求 ID</translation>
    </message>
</context>
<context>
    <name>ChannelsPage</name>
    <message>
        <source>No system keyring was found on this computer. Store secrets are kept in {path}, a file only your user account can read.</source>
        <translation>本机没有可用的系统密钥环。店铺密钥保存在 {path}，该文件只有您的用户账户可以读取。</translation>
    </message>
    <message>
        <source>Add store…</source>
        <translation>添加店铺…</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Cancel sync</source>
        <translation>取消同步</translation>
    </message>
    <message>
        <source>Selected store</source>
        <translation>所选店铺</translation>
    </message>
    <message>
        <source>Select a store.</source>
        <translation>请选择一个店铺。</translation>
    </message>
    <message>
        <source>SKU mappings</source>
        <translation>SKU 映射</translation>
    </message>
    <message>
        <source>Push queue</source>
        <translation>回传队列</translation>
    </message>
    <message>
        <source>Platform SKU</source>
        <translation>平台 SKU</translation>
    </message>
    <message>
        <source>Warehouse SKU or barcode</source>
        <translation>仓库 SKU 或条码</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>映射</translation>
    </message>
    <message>
        <source>Remove mapping</source>
        <translation>删除映射</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Push stock now</source>
        <translation>立即回传库存</translation>
    </message>
    <message numerus="yes">
        <source>%n store(s)</source>
        <translation>
            <numerusform>%n 个店铺</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Syncing {store}: page {pages}, %Ln order(s) read, {new} new, {updated} updated</source>
        <translation>
            <numerusform>正在同步 {store}：第 {pages} 页，已读取 %Ln 个订单，新增 {new}，更新 {updated}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{store}: %Ln order(s) read, {new} new, {updated} updated, {cancelled} cancelled, {held} held.</source>
        <translation>
            <numerusform>{store}：读取 %Ln 个订单，新增 {new}，更新 {updated}，取消 {cancelled}，暂停 {held}。</numerusform>
        </translation>
    </message>
    <message>
        <source>Allocated {allocated}, backordered {backordered}.</source>
        <translation>已分配 {allocated} 单，缺货待补 {backordered} 单。</translation>
    </message>
    <message numerus="yes">
        <source>{platform_sku} → {sku}; %n held order(s) released.</source>
        <translation>
            <numerusform>{platform_sku} → {sku}；已恢复 %n 个暂停的订单。</numerusform>
        </translation>
    </message>
    <message>
        <source>{waiting} waiting, {failed} failed. Failed pushes need Retry after the cause is fixed.</source>
        <translation>{waiting} 条等待中，{failed} 条失败。失败的回传需在排除原因后点击“重试”。</translation>
    </message>
    <message>
        <source>No store yet: add one with “Add store…”.</source>
        <translation>还没有店铺：请点击“添加店铺…”添加。</translation>
    </message>
    <message>
        <source>Syncing {store}…</source>
        <translation>正在同步 {store}…</translation>
    </message>
    <message>
        <source>Disabled: not synced automatically.</source>
        <translation>已停用：不会自动同步。</translation>
    </message>
    <message>
        <source>Last sync {last}; next sync {next}.</source>
        <translation>上次同步 {last}；下次同步 {next}。</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>as soon as possible</source>
        <translation>尽快</translation>
    </message>
    <message>
        <source>Orders are held until these platform SKUs are mapped: {skus}</source>
        <translation>以下平台 SKU 映射后，被挂起的订单才会放行：{skus}</translation>
    </message>
    <message>
        <source>No orders are waiting for a mapping.</source>
        <translation>没有等待 SKU 映射的订单。</translation>
    </message>
    <message>
        <source>syncing</source>
        <translation>同步中</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Sync of {store} cancelled; the pages read so far are saved.</source>
        <translation>{store} 的同步已取消；已读取的页面均已保存。</translation>
    </message>
    <message>
        <source>Connection works: {store}</source>
        <translation>连接正常：{store}</translation>
    </message>
    <message>
        <source>Store {store} saved.</source>
        <translation>店铺 {store} 已保存。</translation>
    </message>
    <message>
        <source>Testing {store}…</source>
        <translation>正在测试 {store}…</translation>
    </message>
</context>
<context>
    <name>StoreDialog</name>
    <message>
        <source>Edit store</source>
        <translation>编辑店铺</translation>
    </message>
    <message>
        <source>Add store</source>
        <translation>添加店铺</translation>
    </message>
    <message>
        <source>e.g. Acme US Shopify</source>
        <translation>例如：Acme 美国 Shopify 店</translation>
    </message>
    <message>
        <source>leave empty for the platform&apos;s own address</source>
        <translation>留空则使用平台官方地址</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source> units</source>
        <translation> 件</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Store name</source>
        <translation>店铺名称</translation>
    </message>
    <message>
        <source>Client (seller)</source>
        <translation>客户（卖家）</translation>
    </message>
    <message>
        <source>API address</source>
        <translation>API 地址</translation>
    </message>
    <message>
        <source>Sync every</source>
        <translation>同步间隔</translation>
    </message>
    <message>
        <source>Push stock every</source>
        <translation>库存回传间隔</translation>
    </message>
    <message>
        <source>Safety buffer</source>
        <translation>安全库存</translation>
    </message>
    <message>
        <source>Units held back from the quantity shown on the platform</source>
        <translation>从平台显示数量中预留、不对外销售的件数</translation>
    </message>
    <message>
        <source>Connection settings</source>
        <translation>连接设置</translation>
    </message>
    <message>
        <source>Secrets (kept in the system keyring, never in the database)</source>
        <translation>密钥（保存在系统密钥环中，绝不写入数据库）</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>Some settings need fixing: see the red notes.</source>
        <translation>有些设置需要修改：请看红色提示。</translation>
    </message>
    <message>
        <source>(unchanged)</source>
        <translation>（不修改）</translation>
    </message>
    <message>
        <source>An address starting with https://</source>
        <translation>请输入以 https:// 开头的地址</translation>
    </message>
    <message>
        <source>Give the store a name.</source>
        <translation>请填写店铺名称。</translation>
    </message>
    <message>
        <source>Create the client first (Settings → Clients).</source>
        <translation>请先创建客户（设置 → 客户）。</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <source>Sync: off</source>
        <translation>同步：未运行</translation>
    </message>
    <message>
        <source>Platform sync is not running.</source>
        <translation>平台同步未运行。</translation>
    </message>
    <message>
        <source>Sync: idle</source>
        <translation>同步：空闲</translation>
    </message>
    <message>
        <source>Stores sync in the background.</source>
        <translation>店铺在后台自动同步。</translation>
    </message>
    <message>
        <source>Sync: {store}…</source>
        <translation>同步：{store}…</translation>
    </message>
    <message>
        <source>Sync: {store}, page {pages}, {new} new</source>
        <translation>同步：{store}，第 {pages} 页，新增 {new}</translation>
    </message>
    <message numerus="yes">
        <source>Sync: %n store(s) failing</source>
        <translation>
            <numerusform>同步：%n 个店铺失败</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sync: %n push(es) failed</source>
        <translation>
            <numerusform>同步：%n 次回传失败</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync: OK, {new} new</source>
        <translation>同步：正常，新增 {new}</translation>
    </message>
    <message>
        <source>Last store synced: {store}</source>
        <translation>最近同步的店铺：{store}</translation>
    </message>
</context>
</TS>
