/** Opening Touchbase's own pages from another one. */
export function openInsights(): void {
  void browser.tabs.create({ url: browser.runtime.getURL('/insights.html') });
}

export function openOptions(): void {
  void browser.runtime.openOptionsPage();
}
