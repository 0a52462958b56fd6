import { launchBrowser } from '/work/wt/page/tests/support/browser.ts';
import { serveDist } from '/work/wt/page/tests/support/server.ts';
import { measureMargin, decoratedShare, lengthRatio } from '/work/wt/page/tests/support/layout.ts';
const server = await serveDist();
const browser = await launchBrowser();
const ARTICLES = ['/articles/hanoi-hangover/', '/articles/trump-kim-fourth-meeting/'];
let links = 0, bad = 0, worst = 0, items = 0, badItems = 0;
for (const path of ARTICLES) for (const width of [1024, 1280, 1600]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(server.url + path, { waitUntil: 'load' }); await page.evaluate(() => document.fonts.ready);
  const m = await measureMargin(page);
  links += m.links.length; bad += m.links.filter((l) => l.distance > 0).length; worst = Math.max(worst, ...m.links.map((l) => l.distance), ...m.items.map(i=>i.distance));
  items += m.items.length; badItems += m.items.filter((l) => l.distance > 0).length;
  if (process.env.V) console.log(path, width, m.items.filter(i=>i.distance>0));
  await page.close();
}
console.log({ links, bad, worst, items, badItems });
for (const path of ARTICLES) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(server.url + path, { waitUntil: 'load' }); await page.evaluate(() => document.fonts.ready);
  const d = await decoratedShare(page);
  const sizes = await page.evaluate(() => Object.fromEntries(['[data-article-body] h2', '.dek, header p', '.pull-quote blockquote'].map((s) => [s, document.querySelector(s) ? getComputedStyle(document.querySelector(s)!).fontSize : null])));
  await page.setViewportSize({ width: 390, height: 844 });
  const r = await lengthRatio(page);
  const widows = await page.evaluate(() => [...document.querySelectorAll('[data-article-body] p[id^="p-"]')].filter((p) => { const r = document.createRange(); const t = [...p.childNodes].filter(n=>!(n instanceof Element && n.matches('[data-editorial], .share-button'))); if(!t.length) return false; r.setStartBefore(t[0]!); r.setEndAfter(t[t.length-1]!); const rects=[...r.getClientRects()].filter(x=>x.width>0); const lines = new Map<number, number>(); for (const x of rects) lines.set(Math.round(x.bottom), (lines.get(Math.round(x.bottom))??0)+x.width); const last=[...lines.entries()].sort((a,b)=>a[0]-b[0]).pop(); return last && last[1] < 60; }).length);
  console.log(path, 'decorated', (d.decorated / d.total).toFixed(3), 'ratio390', r.toFixed(3), sizes, 'widows390', widows);
  await page.close();
}
await browser.close(); await server.stop();
