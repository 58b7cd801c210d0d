import type { CheckReport, LiveChecks } from '../../../src/core/checks/checks';
import { ConversationMemory } from '../../../src/core/escalations/conversation-memory';
import { EscalationService } from '../../../src/core/escalations/escalation-service';
import { silentLogger } from '../../../src/core/ports/ports';
import { MemoryStore } from '../../../src/core/ports/memory-store';
import { buildAssistant, buildInput } from '../../helpers/builders';
import { FakeClock } from '../../helpers/fake-clock';
import { FakeSupportDesk } from '../../helpers/fake-support-desk';

const report: CheckReport = {
  check: 'user',
  subject: 'jane@example.com',
  found: true,
  personalData: true,
  findings: [{ code: 'missing-name-fields', severity: 'error', article: 'scim-sync-user-fails', detail: 'Jane Doe has no family name' }],
};
const live: LiveChecks = { checkUser: async () => report, trail: async () => report, checkAssignments: async () => report };

it('carries the thread’s check results into its escalation, without names or e-mails', async () => {
  const store = new MemoryStore();
  const clock = new FakeClock();
  const memory = new ConversationMemory(store, clock, silentLogger);
  const escalations = new EscalationService({ store, memory, clock, logger: silentLogger, remindAfterMinutes: 30 });
  const desk = new FakeSupportDesk();
  escalations.addDesk(desk);
  const assistant = buildAssistant({
    clock,
    escalations,
    memory,
    live,
    lookupPolicy: { allowedUsers: ['U0TESTER'], allowedGroups: [], selfService: false, privateSupportChannels: [] },
  });
  await assistant.handle(buildInput('Request is unparsable, syntactically incorrect, or violates schema'));
  await assistant.handle(buildInput('check user jane@example.com'));
  await memory.idle();
  await assistant.handle(buildInput('escalate'));
  expect(desk.posts).toHaveLength(1);
  const checks = desk.posts[0]!.escalation.checks;
  expect(checks).toEqual([expect.stringMatching(/^user check \(.+\): found; missing-name-fields \(error\)$/)]);
  expect(checks.join(' ')).not.toMatch(/jane|Jane/);
});
