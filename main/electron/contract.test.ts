import { describe, expect, it } from 'vitest';
import { eventNames, MENU_COMMANDS, requestNames } from '../../common/contract.ts';
import { handlers } from '../api/handlers.ts';
import { requestSchemas as schemas } from '../../common/schemas.ts';

/** The compiler ties the contract, handlers and schemas together; this catches what slips past it at runtime. */
describe('the contract', () => {
  it('has a handler for every request and no handler without a request', () => {
    expect(Object.keys(handlers).sort()).toEqual([...requestNames].sort());
  });

  it('has an input schema for every request and no schema without a request', () => {
    expect(Object.keys(schemas).sort()).toEqual([...requestNames].sort());
  });

  it('lists each request and event once', () => {
    expect(new Set(requestNames).size).toBe(requestNames.length);
    expect(new Set(eventNames).size).toBe(eventNames.length);
  });

  it('names requests noun.verb and events noun.changed or noun.command', () => {
    for (const name of requestNames) expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/u);
    for (const name of eventNames) expect(name).toMatch(/^[a-z]+\.(changed|command)$/u);
  });

  it('has a menu item for every menu command', () => {
    expect(MENU_COMMANDS.length).toBe(new Set(MENU_COMMANDS).size);
  });
});
