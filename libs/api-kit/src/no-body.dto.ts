/**
 * The body of a command that takes none (submit, publish, confer): empty, or `{}`. A field sent is
 * refused by name (unknown field), as on every other command, rather than dropped unseen; a
 * comment a console sends with such a command would otherwise vanish.
 */
export class NoBodyDto {}
