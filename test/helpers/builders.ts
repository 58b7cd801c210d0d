import { join } from 'node:path';
import { Assistant, type AssistantDeps } from '../../src/core/assistant';
import type { Input, Trigger } from '../../src/core/input';
import { loadKnowledge } from '../../src/knowledge/load-knowledge';
import { builtinKnowledgeDir } from '../../src/paths';

export const shippedArticles = () => loadKnowledge([builtinKnowledgeDir]);

export function buildAssistant(deps: Partial<AssistantDeps> = {}): Assistant {
  return new Assistant({ articles: shippedArticles(), ...deps });
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
