// The reference storefront: plain JavaScript on Caravel's public JSON API, nothing else.
// Every text comes from the dictionary below (English and Chinese); data is always set as text, never as HTML.
(function () {
  'use strict';
  const API = '/api/v1';
  const TEXT = {
    en: {
      title: 'Caravel reference storefront', lang: '中文',
      note: 'A demo of the headless API: every step below is one API call, shown under "API calls".',
      signin: 'Sign in as a buyer', username: 'User name', password: 'Password', signinButton: 'Sign in',
      signedInAs: 'Signed in as', search: 'Search the catalog', searchPlaceholder: 'earbuds, 耳机, T-shirt…',
      currency: 'Currency', searchButton: 'Search', choose: 'Choose', noResults: 'Nothing found.',
      quantity: 'Quantity', destination: 'Ship to', method: 'Shipping', standard: 'Standard', express: 'Express',
      referredBy: 'Recommended by', quoteButton: 'Quote the landed cost', quoteTitle: 'Your quote', goods: 'Goods', shipping: 'Shipping',
      duty: 'Customs duty', vat: 'VAT / import VAT', consumptionTax: 'Consumption tax', total: 'Total to pay',
      regime: 'Regime', rate: 'Exchange rate', noConversion: 'none, one currency', validUntil: 'Valid until', hsEdition: 'HS edition',
      consignee: 'Deliver to', name: 'Name', phone: 'Phone', address: 'Address', city: 'City', postcode: 'Postcode',
      idNumber: 'Resident ID number (China)', orderButton: 'Place the order', orderTitle: 'Your order', orderNo: 'Order',
      customs: 'Customs', payHint: "The payment simulator stands in for a payment provider's page:",
      approve: 'Pay (simulator: approve)', decline: 'Decline (simulator)', myOrders: 'My orders',
      refresh: 'Show my orders', calls: 'API calls', signInFirst: 'Sign in first.', stock: 'in stock',
      sort: 'Order', sorts: { '': 'Best match', relevance: 'Best match', newest: 'Newest', 'price-asc': 'Price, low to high',
        'price-desc': 'Price, high to low' },
      found: 'products found', more: 'More results', remove: 'remove filter',
      facetNames: { category: 'Category', brand: 'Brand', origin: 'Made in', shipsFrom: 'Ships from', price: 'Price' },
      categories: { ELECTRONICS: 'Electronics', APPAREL: 'Clothing', HOME: 'Home', BEAUTY: 'Beauty', FOOD: 'Food',
        TOYS: 'Toys', HEALTH: 'Health', JEWELRY: 'Jewellery', SPORTS: 'Sports', OTHER: 'Other' },
      shipsFrom: 'ships from',
      disputeOf: 'Dispute:', received: 'Confirm receipt', receivedDone: 'Receipt confirmed', dispute: 'Open a dispute',
      disputeTitle: 'Open a dispute', line: 'Order line', reason: 'Reason', amountOptional: 'Amount (empty: the whole line)',
      description: 'What happened', disputeButton: 'Open the dispute', myDisputes: 'My disputes',
      refreshDisputes: 'Show my disputes', answerDue: 'seller answers by', refunded: 'refunded', write: 'Write',
      returnWaybill: 'send it back with waybill', send: 'Send', appealReason: 'Why you appeal', appeal: 'Appeal the decision', noDisputes: 'No disputes.',
      parties: { BUYER: 'You', SELLER: 'Seller', AGENT: 'Dispute agent', PLATFORM: 'Caravel' },
      reasons: { NOT_RECEIVED: 'Item not received', NOT_AS_DESCRIBED: 'Not as described', DAMAGED: 'Arrived damaged',
        UNAUTHORIZED: 'Unauthorized payment' },
      disputeStatus: { OPEN: 'Opened', AWAITING_SELLER: 'Waiting for the seller', UNDER_REVIEW: 'Under review by an agent',
        RESOLVED_BUYER: 'Decided for you', RESOLVED_SELLER: 'Decided for the seller', APPEALED: 'Appealed', CLOSED: 'Closed' },
      regimes: { CN_9610: 'China cross-border retail, direct mail (9610)', CN_1210: 'China cross-border retail, bonded (1210)',
        EU_IOSS: 'EU IOSS: VAT paid now, no import charges on delivery', EU_H1: 'EU standard import (H1), duty and VAT paid now',
        UK_VAT_AT_SALE: 'UK: VAT charged at sale (up to £135)', UK_IMPORT: 'UK import: VAT and duty paid now',
        US_ENTRY: 'US entry: duty paid now', US_DE_MINIMIS: 'US de minimis' },
      shipsFromPlace: { OWN_WAREHOUSE: "the seller's warehouse", OVERSEAS_WAREHOUSE: 'an overseas warehouse',
        OWN_AND_OVERSEAS_WAREHOUSE: "the seller's or an overseas warehouse", SUPPLIER: 'the supplier (dropship)' },
      status: { PENDING_PAYMENT: 'Waiting for payment', PAID: 'Paid', PAYMENT_DECLINED: 'Payment declined',
        PAYMENT_EXPIRED: 'Not paid in time', SHIPPED: 'Shipped',
        CANCELLED: 'Cancelled and refunded', BLOCKED: 'Stopped by compliance', NOT_DECLARED: 'Not declared yet', IN_PROGRESS: 'Being declared', HELD: 'Held',
        CLEARED: 'Cleared' }
    },
    zh: {
      title: 'Caravel 参考店铺', lang: 'English',
      note: '无头 API 演示：下面的每一步都是一次 API 调用，列在“API 调用”中。',
      signin: '以买家身份登录', username: '用户名', password: '密码', signinButton: '登录',
      signedInAs: '已登录：', search: '搜索商品', searchPlaceholder: 'earbuds、耳机、T恤…',
      currency: '币种', searchButton: '搜索', choose: '选择', noResults: '没有找到商品。',
      quantity: '数量', destination: '寄往', method: '运输方式', standard: '标准', express: '快递',
      referredBy: '推荐达人', quoteButton: '计算到岸成本', quoteTitle: '您的报价', goods: '商品', shipping: '运费',
      duty: '关税', vat: '增值税 / 进口增值税', consumptionTax: '消费税', total: '应付总额',
      regime: '监管方式', rate: '汇率', noConversion: '无需换汇', validUntil: '有效期至', hsEdition: 'HS 版本',
      consignee: '收货信息', name: '姓名', phone: '电话', address: '地址', city: '城市', postcode: '邮编',
      idNumber: '居民身份证号码（中国）', orderButton: '下单', orderTitle: '您的订单', orderNo: '订单',
      customs: '海关', payHint: '支付模拟器代替支付机构的支付页面：',
      approve: '支付（模拟：成功）', decline: '拒绝（模拟）', myOrders: '我的订单',
      refresh: '查看我的订单', calls: 'API 调用', signInFirst: '请先登录。', stock: '件库存',
      sort: '排序', sorts: { '': '综合', relevance: '综合', newest: '最新', 'price-asc': '价格从低到高', 'price-desc': '价格从高到低' },
      found: '件商品', more: '更多结果', remove: '移除筛选',
      facetNames: { category: '类目', brand: '品牌', origin: '原产地', shipsFrom: '发货地', price: '价格' },
      categories: { ELECTRONICS: '电子产品', APPAREL: '服装', HOME: '家居', BEAUTY: '美妆', FOOD: '食品', TOYS: '玩具',
        HEALTH: '健康', JEWELRY: '珠宝首饰', SPORTS: '运动', OTHER: '其他' },
      shipsFrom: '发货地',
      disputeOf: '纠纷：', received: '确认收货', receivedDone: '已确认收货', dispute: '发起纠纷',
      disputeTitle: '发起纠纷', line: '订单行', reason: '原因', amountOptional: '金额（留空：整行金额）',
      description: '发生了什么', disputeButton: '提交纠纷', myDisputes: '我的纠纷',
      refreshDisputes: '查看我的纠纷', answerDue: '卖家答复期限', refunded: '已退款', write: '留言',
      returnWaybill: '退货运单', send: '发送', appealReason: '申诉理由', appeal: '对裁决申诉', noDisputes: '没有纠纷。',
      parties: { BUYER: '您', SELLER: '卖家', AGENT: '纠纷客服', PLATFORM: 'Caravel' },
      reasons: { NOT_RECEIVED: '未收到货', NOT_AS_DESCRIBED: '与描述不符', DAMAGED: '到货破损', UNAUTHORIZED: '未经授权的付款' },
      disputeStatus: { OPEN: '已发起', AWAITING_SELLER: '等待卖家答复', UNDER_REVIEW: '客服审理中', RESOLVED_BUYER: '判您胜诉',
        RESOLVED_SELLER: '判卖家胜诉', APPEALED: '申诉中', CLOSED: '已关闭' },
      regimes: { CN_9610: '跨境电商零售进口，直购（9610）', CN_1210: '跨境电商零售进口，保税（1210）',
        EU_IOSS: '欧盟 IOSS：增值税现在支付，收货时无进口费用', EU_H1: '欧盟标准进口（H1），关税和增值税现在支付',
        UK_VAT_AT_SALE: '英国：销售时征收增值税（不超过 135 英镑）', UK_IMPORT: '英国进口：增值税和关税现在支付',
        US_ENTRY: '美国入境：关税现在支付', US_DE_MINIMIS: '美国小额豁免' },
      shipsFromPlace: { OWN_WAREHOUSE: '卖家仓库', OVERSEAS_WAREHOUSE: '海外仓', OWN_AND_OVERSEAS_WAREHOUSE: '卖家仓库或海外仓',
        SUPPLIER: '供货商（一件代发）' },
      status: { PENDING_PAYMENT: '等待付款', PAID: '已付款', PAYMENT_DECLINED: '付款被拒绝', PAYMENT_EXPIRED: '未按时付款',
        SHIPPED: '已发货',
        CANCELLED: '已取消并退款', BLOCKED: '已被合规拦截', NOT_DECLARED: '尚未申报', IN_PROGRESS: '申报中', HELD: '已挂起', CLEARED: '已放行' }
    }
  };
  let lang = (navigator.language || 'en').toLowerCase().startsWith('zh') ? 'zh' : 'en';
  let credentials = null;
  let results = null;
  let product = null;
  let quote = null;
  let order = null;
  let orderKey = null;
  let disputeOrder = null;
  let disputeKey = null;
  // a creator's referral link: ?product=<id>&ref=<code> opens the product; its quotes carry the code
  const linked = new URLSearchParams(location.search);
  const referral = linked.get('ref') && linked.get('product') ? { code: linked.get('ref'), productId: linked.get('product') } : null;
  // a storefront channel's site: ?channel=<token> (a real site builds its token in); every call carries it
  const channelToken = linked.get('channel');

  const $ = (id) => document.getElementById(id);
  // a key may name a word of a group: "sorts.newest"
  const lookup = (dictionary, key) => key.split('.').reduce((o, k) => (o == null ? undefined : o[k]), dictionary);
  const t = (key) => lookup(TEXT[lang], key) || lookup(TEXT.en, key) || key;
  const statusText = (code) => (TEXT[lang].status[code] || code);
  const word = (group, code) => (TEXT[lang][group][code] || code);

  function applyLanguage() {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.querySelectorAll('[data-t]').forEach((el) => { el.textContent = t(el.dataset.t); });
    document.querySelectorAll('[data-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.placeholder); });
    document.title = t('title');
    if (credentials) {
      $('who').textContent = t('signedInAs') + ' ' + credentials.user;
    }
    // what was rendered from data is rendered again in the new language
    if (results) {
      renderResults();
    }
    if (product) {
      renderProduct();
    }
    if (quote) {
      renderQuote();
    }
    if (order) {
      showOrder();
    }
  }

  function money(amount, currency) {
    try {
      return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { style: 'currency', currency }).format(amount);
    } catch (e) {
      return amount + ' ' + currency;
    }
  }

  function localTime(iso) {
    // the buyer's own time zone, named, so a deadline is never read in the wrong one
    return new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'long' });
  }

  /** One API call: JSON in and out; a problem (RFC 9457) is thrown with its detail and field errors. */
  async function call(method, path, body, headers) {
    // problems come back in the language the shopper reads the page in
    const init = { method, headers: Object.assign({ Accept: 'application/json',
      'Accept-Language': lang === 'zh' ? 'zh-CN' : 'en' }, headers || {}) };
    if (channelToken) {
      init.headers['X-Channel-Token'] = channelToken;
    }
    if (credentials && !path.startsWith('/catalog')) {
      init.headers.Authorization = 'Basic ' + btoa(unescape(encodeURIComponent(credentials.user + ':' + credentials.password)));
    }
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(API + path, init);
    const item = document.createElement('li');
    item.textContent = method + ' ' + API + path + ' → ' + response.status;
    $('calls').prepend(item);
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (!response.ok) {
      const fields = json && json.errors ? ' (' + json.errors.map((e) => e.field + ': ' + e.message).join('; ') + ')' : '';
      throw new Error((json && (json.detail || json.title)) + fields);
    }
    return json;
  }

  async function signIn(event) {
    event.preventDefault();
    credentials = { user: $('username').value.trim(), password: $('password').value };
    $('signin-error').textContent = '';
    try {
      await call('GET', '/me');
      $('who').textContent = t('signedInAs') + ' ' + credentials.user;
      $('signin-panel').hidden = true;
    } catch (e) {
      credentials = null;
      $('signin-error').textContent = e.message;
    }
  }

  // filters chosen from the facets: dimension -> value (price: "10-25")
  let filters = {};

  function searchParams() {
    const params = new URLSearchParams({ q: $('q').value, currency: $('currency').value, limit: '20', facets: 'true' });
    if ($('sort').value) {
      params.set('sort', $('sort').value);
    }
    Object.entries(filters).forEach(([dimension, value]) => {
      if (dimension === 'price') {
        const [min, max] = value.split('-');
        params.set('minPrice', min);
        if (max) {
          params.set('maxPrice', max);
        }
      } else {
        params.set(dimension, value);
      }
    });
    return params;
  }

  async function search(event) {
    if (event) {
      event.preventDefault();
    }
    results = await call('GET', '/catalog/products?' + searchParams());
    renderResults();
  }

  async function more() {
    const params = searchParams();
    params.set('cursor', results.nextCursor);
    const next = await call('GET', '/catalog/products?' + params);
    results = { ...results, items: results.items.concat(next.items), nextCursor: next.nextCursor };
    renderResults();
  }

  function facetLabel(dimension, value) {
    if (dimension === 'category') {
      return word('categories', value);
    }
    if (dimension === 'shipsFrom') {
      return word('shipsFromPlace', value);
    }
    if (dimension === 'origin') {
      try {
        return new Intl.DisplayNames([lang === 'zh' ? 'zh-CN' : 'en'], { type: 'region' }).of(value);
      } catch (e) {
        return value;
      }
    }
    if (dimension === 'price') {
      const [min, max] = value.split('-');
      return max ? money(min, results.facetCurrency) + ' – ' + money(max, results.facetCurrency)
        : '≥ ' + money(min, results.facetCurrency);
    }
    return value;
  }

  function renderFacets() {
    const box = $('facets');
    box.replaceChildren();
    Object.entries(filters).forEach(([dimension, value]) => {
      const chip = document.createElement('button');
      chip.type = 'button';
      chip.className = 'chip';
      chip.title = t('remove');
      chip.textContent = TEXT[lang].facetNames[dimension] + ': ' + facetLabel(dimension, value) + ' ×';
      chip.addEventListener('click', () => { delete filters[dimension]; search().catch(showFailedSearch); });
      box.append(chip);
    });
    Object.entries(results.facets || {}).forEach(([dimension, values]) => {
      if (filters[dimension] || values.length < 1) {
        return;
      }
      const group = document.createElement('div');
      group.className = 'facet';
      group.dataset.facet = dimension;
      const name = document.createElement('strong');
      name.textContent = TEXT[lang].facetNames[dimension];
      group.append(name);
      values.forEach((v) => {
        const choose = document.createElement('button');
        choose.type = 'button';
        choose.className = 'link';
        choose.dataset.value = v.value;
        choose.textContent = facetLabel(dimension, v.value) + ' (' + v.count + ')';
        choose.addEventListener('click', () => { filters[dimension] = v.value; search().catch(showFailedSearch); });
        group.append(choose);
      });
      box.append(group);
    });
  }

  function showSearchError(err) {
    $('search-error').textContent = err.message;
  }

  /**
   * A search that failed leaves no results of the search before it on the page, as if they were its own; the
   * chosen filters stay, each with its remove button, in case one of them is what failed.
   */
  function showFailedSearch(err) {
    results = { items: [], facets: {}, facetCurrency: results && results.facetCurrency };
    $('results').replaceChildren();
    $('found').textContent = '';
    $('more').hidden = true;
    renderFacets();
    showSearchError(err);
  }

  function renderResults() {
    const page = results;
    const list = $('results');
    list.replaceChildren();
    $('search-error').textContent = '';
    $('found').textContent = page.total === undefined ? '' : page.total + ' ' + t('found');
    renderFacets();
    if (page.items.length === 0) {
      const empty = document.createElement('li');
      empty.textContent = t('noResults');
      list.append(empty);
    }
    page.items.forEach((p) => {
      const li = document.createElement('li');
      const title = (lang === 'zh' && p.title.zh) ? p.title.zh : (p.title.en || p.title.zh);
      const price = p.buyerPrice ? money(p.buyerPrice.amount, p.buyerPrice.currency) : money(p.price.amount, p.price.currency);
      li.textContent = title + ' — ' + price + ' ';
      const choose = document.createElement('button');
      choose.type = 'button';
      choose.textContent = t('choose');
      choose.className = 'choose';
      choose.dataset.product = p.id;
      choose.addEventListener('click', () => show(p.id));
      li.append(choose);
      list.append(li);
    });
    $('more').hidden = !page.nextCursor;
  }

  async function show(id) {
    product = await call('GET', '/catalog/products/' + encodeURIComponent(id) + '?currency=' + $('currency').value);
    renderProduct();
    $('product-panel').hidden = false;
    $('quote-panel').hidden = true;
  }

  function renderProduct() {
    $('product-title').textContent = (lang === 'zh' && product.title.zh) ? product.title.zh : (product.title.en || product.title.zh);
    $('product-price').textContent = product.buyerPrice && product.buyerPrice.currency !== product.price.currency
      ? money(product.buyerPrice.amount, product.buyerPrice.currency) + ' (' + money(product.price.amount, product.price.currency) + ')'
      : money(product.price.amount, product.price.currency);
    $('product-meta').textContent = 'HS ' + product.hsCode + ' · ' + product.stock + ' ' + t('stock') + ' · '
      + t('shipsFrom') + ' ' + word('shipsFromPlace', product.shipsFrom) + ' · ' + product.sellerName;
  }

  async function getQuote(event) {
    event.preventDefault();
    $('quote-error').textContent = '';
    if (!credentials) {
      $('quote-error').textContent = t('signInFirst');
      return;
    }
    try {
      const request = {
        lines: [{ productId: product.id, quantity: Number($('quantity').value) }],
        destinationCountry: $('destination').value, shippingMethod: $('method').value, currency: $('currency').value
      };
      if (referral && referral.productId === product.id) {
        request.referralCode = referral.code;
      }
      try {
        quote = await call('POST', '/checkout/quotes', request);
      } catch (e) {
        if (!request.referralCode || !String(e.message).includes('referralCode')) {
          throw e;
        }
        // the creator's link no longer works: the buyer still buys, without the referral
        delete request.referralCode;
        quote = await call('POST', '/checkout/quotes', request);
      }
    } catch (e) {
      $('quote-error').textContent = e.message;
      return;
    }
    orderKey = crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random();
    order = null;
    $('order-panel').hidden = true;
    renderQuote();
    $('quote-panel').hidden = false;
  }

  function renderQuote() {
    const a = quote.amounts;
    const rows = [['goods', a.goods], ['shipping', a.shipping], ['duty', a.duty], ['vat', a.vat],
      ['consumptionTax', a.consumptionTax], ['total', a.total]];
    const table = $('amounts');
    table.replaceChildren();
    rows.forEach(([key, amount]) => {
      if (key === 'consumptionTax' && Number(amount) === 0) {
        return;
      }
      const tr = document.createElement('tr');
      tr.className = key;
      tr.id = 'amount-' + key;
      const label = document.createElement('td');
      label.textContent = t(key);
      const value = document.createElement('td');
      value.textContent = money(amount, a.currency);
      tr.append(label, value);
      table.append(tr);
    });
    const rate = quote.fxRates.length ? quote.fxRates.map((r) => '1 ' + r.from + ' = ' + r.rate + ' ' + r.to + ' (' + r.date + ')').join(', ') : t('noConversion');
    const from = [...new Set(quote.lines.map((l) => l.warehouse ? l.warehouse.name : word('shipsFromPlace', l.shipsFrom)))].join(', ');
    $('quote-facts').textContent = t('regime') + ': ' + word('regimes', quote.regime) + ' · ' + t('shipsFrom') + ' ' + from
      + ' · ' + t('rate') + ': ' + rate + ' · '
      + t('hsEdition') + ': ' + quote.hsEdition + ' · ' + t('validUntil') + ': ' + localTime(quote.validUntil)
      + (quote.referral ? ' · ' + t('referredBy') + ' ' + quote.referral.creatorName + ' (' + quote.referral.code + ')' : '');
    $('id-number-row').hidden = quote.destinationCountry !== 'CN';
  }

  async function placeOrder(event) {
    event.preventDefault();
    $('order-error').textContent = '';
    const consignee = { name: $('c-name').value, phone: $('c-phone').value, address: $('c-address').value,
      city: $('c-city').value, postcode: $('c-postcode').value };
    if (quote.destinationCountry === 'CN') {
      consignee.idNumber = $('c-id').value;
    }
    try {
      order = await call('POST', '/orders', { quoteId: quote.id, consignee }, { 'Idempotency-Key': orderKey });
    } catch (e) {
      $('order-error').textContent = e.message;
      return;
    }
    showOrder();
  }

  function showOrder() {
    $('order-id').textContent = order.id;
    $('order-status').textContent = statusText(order.status);
    $('order-status').dataset.status = order.status;
    $('customs-status').textContent = statusText(order.customsStatus);
    $('pay-box').hidden = !(order.payment && order.payment.payUrl);
    $('order-panel').hidden = false;
  }

  async function pay(outcome) {
    const path = order.payment.payUrl.replace(API, '');
    await call('POST', path, { outcome, payerName: $('c-name').value, payerIdNumber: $('c-id').value || null });
    for (let i = 0; i < 30; i++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      order = await call('GET', '/orders/' + encodeURIComponent(order.id));
      if (order.status !== 'PENDING_PAYMENT') {
        break;
      }
    }
    showOrder();
  }

  function button(textKey, action) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = t(textKey);
    b.addEventListener('click', () => action().catch((e) => { $('signin-error').textContent = e.message; }));
    return b;
  }

  async function myOrders() {
    if (!credentials) {
      $('signin-error').textContent = t('signInFirst');
      return;
    }
    const page = await call('GET', '/orders?limit=20');
    const disputes = await call('GET', '/disputes?limit=100');
    const disputed = {};
    disputes.items.forEach((d) => { (disputed[d.orderId] = disputed[d.orderId] || []).push(d); });
    const list = $('orders');
    list.replaceChildren();
    page.items.forEach((o) => {
      const li = document.createElement('li');
      li.dataset.order = o.id;
      const items = o.pricing.lines.map((l) => l.quantity + ' × ' + l.title).join(', ');
      li.append(localTime(o.createdAt) + ' · ' + items + ' · ' + money(o.total.amount, o.total.currency) + ' · '
        + statusText(o.status) + ' · ' + t('customs') + ': ' + statusText(o.customsStatus) + ' ');
      (disputed[o.id] || []).forEach((d) => li.append(t('disputeOf') + ' ' + word('disputeStatus', d.status) + ' '));
      if (o.status === 'SHIPPED' && !o.receivedAt) {
        li.append(button('received', async () => { await call('POST', '/orders/' + encodeURIComponent(o.id) + '/receipt'); await myOrders(); }));
      } else if (o.receivedAt) {
        li.append(t('receivedDone') + ' ');
      }
      // a line of its own per dispute; a chargeback (line 0) covers the whole payment
      const open = disputed[o.id] || [];
      const free = o.pricing.lines.some((l, i) => !open.some((d) => d.lineNo === i + 1 || d.lineNo === 0));
      if ((o.status === 'PAID' || o.status === 'SHIPPED') && free) {
        li.append(button('dispute', async () => openDisputeForm(o, open)));
      }
      list.append(li);
    });
  }

  function openDisputeForm(o, open) {
    disputeOrder = o;
    disputeKey = crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random();
    const lines = $('d-line');
    lines.replaceChildren();
    o.pricing.lines.forEach((l, i) => {
      if (open.some((d) => d.lineNo === i + 1)) {
        return;
      }
      const option = document.createElement('option');
      option.value = String(i + 1);
      option.textContent = (i + 1) + ' · ' + l.quantity + ' × ' + l.title;
      lines.append(option);
    });
    const reasons = $('d-reason');
    reasons.replaceChildren();
    Object.keys(TEXT.en.reasons).forEach((code) => {
      const option = document.createElement('option');
      option.value = code;
      option.textContent = word('reasons', code);
      reasons.append(option);
    });
    $('d-amount').value = '';
    $('d-description').value = '';
    $('dispute-error').textContent = '';
    $('dispute-panel').hidden = false;
    $('dispute-panel').scrollIntoView();
  }

  async function openDispute(event) {
    event.preventDefault();
    $('dispute-error').textContent = '';
    const body = { orderId: disputeOrder.id, lineNo: Number($('d-line').value), reason: $('d-reason').value,
      description: $('d-description').value };
    if ($('d-amount').value.trim() !== '') {
      body.amount = Number($('d-amount').value);
    }
    try {
      await call('POST', '/disputes', body, { 'Idempotency-Key': disputeKey });
    } catch (e) {
      $('dispute-error').textContent = e.message;
      return;
    }
    $('dispute-panel').hidden = true;
    await myDisputes();
  }

  async function myDisputes() {
    if (!credentials) {
      $('signin-error').textContent = t('signInFirst');
      return;
    }
    const page = await call('GET', '/disputes?limit=20');
    const list = $('disputes');
    list.replaceChildren();
    if (page.items.length === 0) {
      list.textContent = t('noDisputes');
    }
    page.items.forEach((d) => list.append(disputeItem(d)));
  }

  function disputeItem(d) {
    const li = document.createElement('li');
    li.dataset.dispute = d.id;
    const head = document.createElement('p');
    const status = document.createElement('strong');
    status.className = 'dispute-status';
    status.textContent = word('disputeStatus', d.status);
    head.append(localTime(d.createdAt) + ' · ' + (d.lineTitle || '') + ' · ' + word('reasons', d.reason) + ' · '
      + money(d.claimed.amount, d.claimed.currency) + ' · ', status);
    if (d.status === 'AWAITING_SELLER') {
      head.append(' · ' + t('answerDue') + ' ' + localTime(d.sellerDeadline));
    }
    if (Number(d.refunded.amount) > 0) {
      head.append(' · ' + t('refunded') + ' ' + money(d.refunded.amount, d.refunded.currency));
    }
    if (d.returnWaybill) {
      head.append(' · ' + t('returnWaybill') + ' ' + d.returnWaybill);
    }
    li.append(head);
    const thread = document.createElement('ol');
    thread.className = 'thread';
    d.messages.forEach((m) => {
      const item = document.createElement('li');
      item.textContent = word('parties', m.party) + ' · ' + localTime(m.createdAt) + ': ' + m.body;
      thread.append(item);
    });
    li.append(thread);
    if (d.status !== 'CLOSED') {
      const text = document.createElement('textarea');
      text.rows = 2;
      text.maxLength = 4000;
      text.setAttribute('aria-label', t('write'));
      li.append(text, button('send', async () => {
        await call('POST', '/disputes/' + encodeURIComponent(d.id) + '/messages', { body: text.value });
        await myDisputes();
      }));
    }
    if (d.appealable) {
      const reason = document.createElement('textarea');
      reason.rows = 2;
      reason.setAttribute('aria-label', t('appealReason'));
      reason.placeholder = t('appealReason');
      li.append(reason, button('appeal', async () => {
        await call('POST', '/disputes/' + encodeURIComponent(d.id) + '/appeal', { reason: reason.value });
        await myDisputes();
      }));
    }
    return li;
  }

  document.addEventListener('DOMContentLoaded', () => {
    applyLanguage();
    $('lang').addEventListener('click', () => { lang = lang === 'zh' ? 'en' : 'zh'; applyLanguage(); });
    $('signin').addEventListener('submit', signIn);
    $('search').addEventListener('submit', (e) => search(e).catch(showFailedSearch));
    $('sort').addEventListener('change', () => { if (results) { search().catch(showFailedSearch); } });
    $('more').addEventListener('click', () => more().catch(showSearchError));
    $('quote').addEventListener('submit', getQuote);
    // China's cross-border orders are paid in RMB
    $('destination').addEventListener('change', () => { if ($('destination').value === 'CN') { $('currency').value = 'CNY'; } });
    $('order').addEventListener('submit', placeOrder);
    $('pay-approve').addEventListener('click', () => pay('APPROVE').catch((e) => { $('order-error').textContent = e.message; }));
    $('pay-decline').addEventListener('click', () => pay('DECLINE').catch((e) => { $('order-error').textContent = e.message; }));
    $('orders-button').addEventListener('click', () => myOrders().catch((e) => { $('signin-error').textContent = e.message; }));
    $('dispute').addEventListener('submit', openDispute);
    $('disputes-button').addEventListener('click', () => myDisputes().catch((e) => { $('signin-error').textContent = e.message; }));
    if (channelToken) {
      // the channel's own currencies and destinations only, under its name
      call('GET', '/channels/current').then((channel) => {
        const heading = document.querySelector('h1');
        heading.removeAttribute('data-t');
        heading.textContent = channel.name;
        [['currency', channel.currencies], ['destination', channel.destinations]].forEach(([id, allowed]) => {
          Array.from($(id).options).forEach((o) => { if (!allowed.includes(o.value)) { o.remove(); } });
        });
      }).catch((e) => { $('signin-error').textContent = e.message; });
    }
    if (referral) {
      show(referral.productId).catch((e) => { $('quote-error').textContent = e.message; });
    }
  });
}());
