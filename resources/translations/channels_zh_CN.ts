<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
    <message>
        <source>1 store</source>
        <translation>1 个店铺</translation>
    </message>
    <message>
        <source>{count} stores</source>
        <translation>{count} 个店铺</translation>
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
        <source>Syncing {store}: page {pages}, {fetched} orders read, {new} new, {updated} updated</source>
        <translation>正在同步 {store}：第 {pages} 页，已读取 {fetched} 个订单，新增 {new}，更新 {updated}</translation>
    </message>
    <message>
        <source>Sync of {store} cancelled; the pages read so far are saved.</source>
        <translation>{store} 的同步已取消；已读取的页面均已保存。</translation>
    </message>
    <message>
        <source>{store}: {fetched} orders read, {new} new, {updated} updated, {cancelled} cancelled, {held} held.</source>
        <translation>{store}：读取 {fetched} 个订单，新增 {new}，更新 {updated}，取消 {cancelled}，挂起 {held}。</translation>
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
    <message>
        <source>{platform_sku} → {sku}; {count} held orders released.</source>
        <translation>{platform_sku} → {sku}；已放行 {count} 个挂起订单。</translation>
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
        <source>(unchanged)</source>
        <translation>（不修改）</translation>
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
    <message>
        <source>Sync: {count} store(s) failing</source>
        <translation>同步：{count} 个店铺出错</translation>
    </message>
    <message>
        <source>Sync: OK, {new} new</source>
        <translation>同步：正常，新增 {new}</translation>
    </message>
    <message>
        <source>Last store synced: {store}</source>
        <translation>最近同步的店铺：{store}</translation>
    </message>
    <message>
        <source>Sync: {count} push(es) failed</source>
        <translation>同步：{count} 条回传失败</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Channel error on {store}: {detail}</source>
        <translation>店铺 {store} 出错：{detail}</translation>
    </message>
    <message>
        <source>Store {store}: setting {key} is missing or invalid ({detail})</source>
        <translation>店铺 {store}：设置项 {key} 缺失或无效（{detail}）</translation>
    </message>
    <message>
        <source>{platform} rejected the credentials of store {store}: {detail}</source>
        <translation>{platform} 拒绝了店铺 {store} 的凭据：{detail}</translation>
    </message>
    <message>
        <source>{platform} refused the time of a request from store {store}: check this computer&apos;s date, time and time zone ({detail})</source>
        <translation>{platform} 拒绝了店铺 {store} 请求中的时间：请检查本机的日期、时间和时区（{detail}）</translation>
    </message>
    <message>
        <source>{platform} is throttling store {store}; retry in {retry_after} s</source>
        <translation>{platform} 正在限制店铺 {store} 的请求频率；{retry_after} 秒后重试</translation>
    </message>
    <message>
        <source>{platform} is temporarily unavailable for store {store}: {detail}</source>
        <translation>{platform} 暂时无法为店铺 {store} 提供服务：{detail}</translation>
    </message>
    <message>
        <source>{platform} returned error {code} for store {store}: {platform_message}</source>
        <translation>{platform} 对店铺 {store} 返回错误 {code}：{platform_message}</translation>
    </message>
    <message>
        <source>{platform} sent an unreadable response for store {store}: {detail}</source>
        <translation>{platform} 对店铺 {store} 返回了无法解析的响应：{detail}</translation>
    </message>
    <message>
        <source>Sync of store {store} was cancelled</source>
        <translation>店铺 {store} 的同步已取消</translation>
    </message>
    <message>
        <source>Cannot use the secret store ({where}): {detail}</source>
        <translation>无法使用密钥存储（{where}）：{detail}</translation>
    </message>
    <message>
        <source>Store {store} is already being synced by {holder}; try again later.</source>
        <translation>店铺 {store} 正在由 {holder} 同步，请稍后再试。</translation>
    </message>
    <message>
        <source>Sync of store {store} stopped: another computer took it over.</source>
        <translation>店铺 {store} 的同步已停止：另一台电脑接管了同步。</translation>
    </message>
</context>
</TS>
