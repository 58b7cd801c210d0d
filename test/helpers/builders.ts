import { join } from 'node:path';
import { Assistant, type AssistantDeps } from '../../src/core/assistant';
import type { Input, Trigger } from '../../src/core/input';
import { loadKnowledge } from '../../src/knowledge/load-knowledge';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/load-knowledge-base';
import { Matcher } from '../../src/match/matcher';
import { builtinKnowledgeDir } from '../../src/paths';

export const shippedArticles = () => loadKnowledge([builtinKnowledgeDir]);

let shipped: { kb: KnowledgeBase; matcher: Matcher } | undefined;
/** The shipped articles, examples and the matcher built from them, once per test file (building takes ~0.3 s). */
export function shippedKnowledge(): { kb: KnowledgeBase; matcher: Matcher } {
  if (!shipped) {
    const kb = loadKnowledgeBase([builtinKnowledgeDir]);
    shipped = { kb, matcher: new Matcher(kb.articles, kb.examples) };
  }
  return shipped;
}

/** The assistant as shipped: articles, real examples, fitted matcher. Custom `articles` get their own matcher. */
export function buildAssistant(deps: Partial<AssistantDeps> = {}): Assistant {
  if (deps.articles) return new Assistant({ articles: deps.articles, ...deps });
  const { kb, matcher } = shippedKnowledge();
  return new Assistant({ articles: kb.articles, examples: kb.examples, matcher, ...deps });
}

export function buildInput(text: string, trigger: Trigger = 'mention', over: Partial<Input> = {}): Input {
  return {
    text,
    trigger,
    actor: { platform: 'slack', id: 'U0TESTER', name: 'tester' },
    conversation: { platform: 'slack', channelId: 'C0TEST', threadId: '1700000000.000100' },
    ...over,
  };
}

export const fixturesDir = join(__dirname, '..', 'fixtures');
