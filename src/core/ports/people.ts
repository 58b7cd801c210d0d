import type { Actor, Platform } from '../input';

/**
 * What a chat platform can tell about the person behind an actor. Each chat edge that knows
 * something supplies one (Slack: user groups and `users.info`; Teams: the conversation member);
 * the core asks through this port and stays platform-free.
 */
export interface People {
  /** The user-group ids the actor belongs to (Slack user groups); none when the platform has none. */
  groupsOf(actor: Actor): Promise<readonly string[]>;
  /** The actor's own e-mail (or Entra UPN), as the platform reports it; undefined when it cannot tell. Callers use `ownEmail`. */
  emailOf(actor: Actor): Promise<string | undefined>;
}

/**
 * The actor's own e-mail: the one the edge put on the actor, else what its platform's People
 * reports. A failing lookup counts as unknown (self-service then refuses: fail closed).
 */
export async function ownEmail(people: People, actor: Actor): Promise<string | undefined> {
  const email = actor.email ?? (await people.emailOf(actor).catch(() => undefined));
  return email?.trim() || undefined;
}

export const nobodyKnown: People = { groupsOf: async () => [], emailOf: async () => undefined };

/** Asks the People of the actor's own platform; a platform with none knows nothing. */
export class PeopleByPlatform implements People {
  private readonly byPlatform = new Map<Platform, People>();

  register(platform: Platform, people: People): void {
    this.byPlatform.set(platform, people);
  }

  groupsOf(actor: Actor): Promise<readonly string[]> {
    return (this.byPlatform.get(actor.platform) ?? nobodyKnown).groupsOf(actor);
  }

  emailOf(actor: Actor): Promise<string | undefined> {
    return (this.byPlatform.get(actor.platform) ?? nobodyKnown).emailOf(actor);
  }
}

/** Fixed memberships and e-mails, for tests and for deployments that list them in configuration. */
export class StaticPeople implements People {
  constructor(
    private readonly members: Record<string, readonly string[]>,
    private readonly emails: Record<string, string> = {},
  ) {}
  async groupsOf(actor: Actor): Promise<readonly string[]> {
    return Object.entries(this.members)
      .filter(([, ids]) => ids.includes(actor.id))
      .map(([group]) => group);
  }
  async emailOf(actor: Actor): Promise<string | undefined> {
    return this.emails[actor.id];
  }
}
