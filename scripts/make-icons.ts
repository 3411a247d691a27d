// Renders the extension icon (an SVG drawn here) to the PNG sizes browsers want, with the same
// headless Chromium the tests use. Run: npx tsx scripts/make-icons.ts  (writes public/icon/*.png)
import { writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">
  <rect x="4" y="4" width="120" height="120" rx="28" fill="#2f6fdf"/>
  <rect x="26" y="70" width="16" height="32" rx="4" fill="#ffffff" opacity="0.65"/>
  <rect x="56" y="50" width="16" height="52" rx="4" fill="#ffffff" opacity="0.8"/>
  <rect x="86" y="30" width="16" height="72" rx="4" fill="#ffffff"/>
  <path d="M24 56 L52 38 L72 44 L104 20" stroke="#ffd166" stroke-width="7" fill="none" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
const page = await browser.newPage();
for (const size of [16, 32, 48, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${SVG.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
  );
  writeFileSync(`public/icon/${size}.png`, await page.screenshot({ omitBackground: true }));
}
await browser.close();
console.log('wrote public/icon/{16,32,48,128}.png');
