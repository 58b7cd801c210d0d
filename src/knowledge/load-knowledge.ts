import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from './article';
import { ArticleError, parseArticle } from './parse-article';

/**
 * Loads every `*.md` article from the given directories, in order. A later directory may not
 * redefine an id from an earlier one (operators add articles; they do not silently shadow ours).
 * Throws `ArticleError` naming file and field on the first invalid article. A directory with no
 * articles at all is not an error (a new, empty KNOWLEDGE_DIRS folder) but is told to `warn`,
 * since it usually means a wrong path or files without the `.md` extension.
 */
export function loadKnowledge(dirs: readonly string[], warn: (message: string) => void = () => {}): Article[] {
  const articles: Article[] = [];
  const seen = new Map<string, string>();
  for (const dir of dirs) {
    let names: string[];
    try {
      if (!statSync(dir).isDirectory()) throw new Error('not a directory');
      names = readdirSync(dir).filter((n) => n.endsWith('.md') && !n.startsWith('_') && n !== 'README.md').sort();
    } catch (err) {
      throw new ArticleError(dir, 'directory', `cannot read (${(err as Error).message})`);
    }
    if (names.length === 0) warn(emptyDirectoryWarning(dir));
    for (const name of names) {
      const file = join(dir, name);
      const article = parseArticle(file, readFileSync(file, 'utf8'));
      if (name !== `${article.id}.md`) throw new ArticleError(file, 'id', `"${article.id}" must match the file name`);
      const earlier = seen.get(article.id);
      if (earlier) throw new ArticleError(file, 'id', `"${article.id}" is already defined in ${earlier}`);
      seen.set(article.id, file);
      articles.push(article);
    }
  }
  if (articles.length === 0) throw new ArticleError(dirs.join(', '), 'directory', 'no articles found');
  return articles;
}

function emptyDirectoryWarning(dir: string): string {
  const entries = readdirSync(dir, { withFileTypes: true });
  const folders = entries.filter((e) => e.isDirectory()).length;
  const files = entries.length - folders;
  const found =
    entries.length === 0 ? 'it is empty' : `it holds ${files} other file(s)${folders > 0 ? ` and ${folders} folder(s), which are not read` : ''}`;
  return `KNOWLEDGE_DIRS: no articles (*.md) in ${dir}: ${found}. Check the path, and name each article <article-id>.md.`;
}
