// Deep imports: the package's root types pull in its TypeScript sources, which our compiler
// settings reject, and the root module loads WordNet and classifiers we do not use.
import { TfIdf } from 'natural/lib/natural/tfidf/index.js';
import { stopwords } from 'natural/lib/natural/util/index.js';
import type { Theme, ThemeClusterer } from '../core/digest/digest-source.ts';

export interface ClusterThemesOptions {
  /** Cosine similarity (0…1) of TF-IDF vectors at which a request joins a cluster. */
  similarity?: number;
  /** Key phrases kept per cluster. */
  keyPhrases?: number;
}

const STOPWORDS = new Set<string>(stopwords);
// Terms of a document kept in its vector: the strongest carry a short message's meaning.
const TERMS_PER_DOCUMENT = 12;

/**
 * Offline themes for requests that fit no topic: TF-IDF (natural's `TfIdf`) over the texts,
 * then one deterministic greedy pass that puts each text in the most similar cluster (cosine of
 * TF-IDF vectors against the cluster's summed vector) or opens a new one. A cluster is named by
 * its highest-weighted terms. Same texts in the same order → same clusters.
 */
export function createThemeClusterer(options: ClusterThemesOptions = {}): ThemeClusterer {
  const threshold = options.similarity ?? 0.2;
  const phrases = options.keyPhrases ?? 4;
  return {
    cluster(documents) {
      const tfidf = new TfIdf();
      for (const document of documents) tfidf.addDocument(tokenize(document.text));
      const vectors = documents.map((_, index) => {
        const vector = new Map<string, number>();
        for (const { term, tfidf: weight } of tfidf.listTerms(index).slice(0, TERMS_PER_DOCUMENT)) {
          vector.set(term, weight);
        }
        return vector;
      });
      // Norms are kept with their vectors (a centroid's recomputed when it changes), so comparing
      // a text with a cluster costs the text's dozen terms, not the centroid's size: texts that
      // fit nowhere open clusters of their own, and comparisons grow with texts × clusters.
      const clusters: Array<{ centroid: Map<string, number>; norm: number; members: number[] }> = [];
      vectors.forEach((vector, index) => {
        if (vector.size === 0) return;
        const vectorNorm = norm(vector);
        let best: (typeof clusters)[number] | null = null;
        let bestSimilarity = threshold;
        for (const cluster of clusters) {
          const similarity = cosine(vector, vectorNorm, cluster.centroid, cluster.norm);
          if (similarity >= bestSimilarity) {
            best = cluster;
            bestSimilarity = similarity;
          }
        }
        if (best === null) {
          best = { centroid: new Map(), norm: 0, members: [] };
          clusters.push(best);
        }
        best.members.push(index);
        for (const [term, weight] of vector) best.centroid.set(term, (best.centroid.get(term) ?? 0) + weight);
        best.norm = norm(best.centroid);
      });
      return clusters
        .map(
          (cluster): Theme => ({
            keyPhrases: [...cluster.centroid]
              .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
              .slice(0, phrases)
              .map(([term]) => term),
            requestIds: cluster.members.map((index) => documents[index]!.id),
          }),
        )
        .sort((a, b) => b.requestIds.length - a.requestIds.length);
    },
  };
}

function tokenize(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}[\p{L}\p{N}'-]+/gu) ?? []).filter(
    (token) => token.length > 2 && !STOPWORDS.has(token) && !/^https?$/.test(token),
  );
}

function cosine(a: Map<string, number>, normA: number, b: Map<string, number>, normB: number): number {
  let dot = 0;
  for (const [term, weight] of a) dot += weight * (b.get(term) ?? 0);
  const denominator = normA * normB;
  return denominator === 0 ? 0 : dot / denominator;
}

function norm(vector: Map<string, number>): number {
  let sum = 0;
  for (const weight of vector.values()) sum += weight * weight;
  return Math.sqrt(sum);
}
