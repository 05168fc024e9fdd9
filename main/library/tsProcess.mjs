// Starts a TypeScript child process under tsx (for the CLI, serve mode and tests, which run sources
// directly): registers tsx, then imports the entry named in argv, whatever the parent's own loader was.
import { register } from 'tsx/esm/api';

register();
await import(process.argv[2]);
