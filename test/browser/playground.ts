import type { Browser, Locator, Page } from 'playwright-core';

const peoplePicker = '[aria-label="People Picker"]';

/**
 * One role's Agents Playground (0.2.28) in Chromium, driven the way a person would: write in the
 * message box, fill card inputs, press card buttons. Selectors are the Playground's own markup.
 */
export class PlaygroundPage {
  private constructor(
    readonly role: string,
    readonly page: Page,
  ) {}

  static async open(browser: Browser, role: string, url: string): Promise<PlaygroundPage> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(url);
    // The bot greets on install, so a card shows once the Playground has connected.
    await page.waitForSelector('.ac-adaptiveCard', { timeout: 30_000 });
    return new PlaygroundPage(role, page);
  }

  /** The newest card whose text contains `text`; waits until one shows. */
  async card(text: string, timeoutMs = 20_000): Promise<Locator> {
    const card = this.page.locator('.ac-adaptiveCard', { hasText: text }).last();
    await card.waitFor({ timeout: timeoutMs });
    return card;
  }

  /** How many cards contain `text` now. */
  count(text: string): Promise<number> {
    return this.page.locator('.ac-adaptiveCard', { hasText: text }).count();
  }

  /** Writes `text` in the message box and sends it; the first new card that contains `expect`. */
  async say(text: string, expect: string): Promise<Locator> {
    const before = await this.count(expect);
    const box = this.page.locator('[data-lexical-editor="true"]');
    await box.click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
    await this.waitForCount(expect, before + 1);
    return this.card(expect);
  }

  /** Opens a team's channel (the Playground's team has General and Allmänt) instead of the personal chat. */
  async openChannel(name: string): Promise<void> {
    await this.page.getByText(name, { exact: true }).first().click();
    await this.page.locator('[data-lexical-editor="true"]').first().waitFor();
  }

  /**
   * Starts a new post in the open channel that @mentions the bot `bot` and says `text` (in a channel
   * Teams sends the bot only what mentions it); the first new card that contains `expect`.
   */
  async mention(bot: string, text: string, expect: string): Promise<Locator> {
    const before = await this.count(expect);
    await this.page.locator('[data-lexical-editor="true"]').first().click();
    await this.page.keyboard.type(`@${bot.slice(0, 5)}`);
    await this.page.getByRole('menuitem', { name: bot }).first().click();
    await this.page.keyboard.type(` ${text}`);
    await this.page.getByRole('button', { name: 'Post' }).click();
    await this.waitForCount(expect, before + 1);
    return this.card(expect);
  }

  /**
   * Presses the button titled `title` on `card` (an Action.Execute: the bot answers with a card that
   * replaces this one in place) and waits for the card that contains `expect`.
   */
  async press(card: Locator, title: string, expect: string): Promise<Locator> {
    const before = await this.count(expect);
    await card.locator(`button[title="${title}"]`).last().click();
    await this.waitForCount(expect, before + 1);
    return this.card(expect);
  }

  /**
   * Picks `name` in the card's `index`-th people picker (Input.ChoiceSet with Data.Query) after typing
   * `typed`, as a person would: type, wait for the name among the suggestions, choose it. The suggestions
   * are drawn again as each typed letter's search answers, so on a busy machine the list can change under
   * the pointer: the choice is made with the keyboard once the list has settled, checked in the picker,
   * and tried again while it did not take.
   */
  async pickPerson(card: Locator, index: number, typed: string, name: string): Promise<void> {
    const picker = card.locator(peoplePicker).nth(index);
    const chosen = () => picker.evaluate((input, who) => (input.closest('.ms-BasePicker')?.textContent ?? '').includes(who as string), name);
    for (let attempt = 1; ; attempt++) {
      await picker.click();
      await picker.pressSequentially(typed);
      const suggestion = this.page.locator('.ms-Suggestions-itemButton', { hasText: name }).first();
      await suggestion.waitFor({ timeout: 20_000 });
      // Settled: the same suggestions for a moment.
      let before = '';
      for (;;) {
        const now = (await this.page.locator('.ms-Suggestions-itemButton').allInnerTexts()).join('|');
        if (now === before) break;
        before = now;
        await this.page.waitForTimeout(300);
      }
      await suggestion.click({ timeout: 5_000 }).catch(() => this.page.keyboard.press('Enter'));
      if (await chosen()) return;
      if (attempt >= 4) throw new Error(`could not pick ${name} in people picker ${index}`);
      await picker.fill('');
    }
  }

  /** Picks `option` in the card's `index`-th combo box (Input.ChoiceSet, compact). */
  async choose(card: Locator, index: number, option: string): Promise<void> {
    await card.locator('input[role="combobox"]').nth(index).click();
    await this.page.locator('[role="option"]', { hasText: option }).first().click();
  }

  /** Types a date into the card's `index`-th combo box (the Playground renders Input.Date so). */
  async date(card: Locator, index: number, isoDate: string): Promise<void> {
    const input = card.locator('input[role="combobox"]').nth(index);
    await input.fill(isoDate);
    await input.press('Enter');
    await this.page.keyboard.press('Escape');
  }

  /** The card's plain text inputs and text areas, in order. */
  fields(card: Locator): Locator {
    return card.locator(`input:not([role]):not([type=radio]):not([type=checkbox]):not(${peoplePicker}), textarea`);
  }

  /** A screenshot of what the user sees, with `card` scrolled into view. */
  async picture(card: Locator, file: string): Promise<void> {
    await card.scrollIntoViewIfNeeded();
    await this.page.screenshot({ path: file });
  }

  private async waitForCount(text: string, atLeast: number): Promise<void> {
    await this.page.waitForFunction(
      ([text, atLeast]) => {
        const cards = (globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> } }).document.querySelectorAll('.ac-adaptiveCard');
        return Array.from(cards).filter((c) => (c.textContent ?? '').includes(text as string)).length >= (atLeast as number);
      },
      [text, atLeast] as const,
      { timeout: 20_000 },
    );
  }
}
