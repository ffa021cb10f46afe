import { fixtureProgram } from '../platform-fixture';

export = fixtureProgram();
