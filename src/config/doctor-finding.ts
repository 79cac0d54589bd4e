/** One result of `verbatim doctor`. Every problem comes with the fix. */
export interface DoctorFinding {
  /** Area checked, e.g. `environment`, `config`, `database`, `slack`. */
  check: string;
  status: 'ok' | 'warn' | 'error' | 'off';
  message: string;
  fix?: string;
}

/** A check an adapter contributes to `doctor`, run only when its environment group is set. */
export type DoctorCheck = () => Promise<DoctorFinding[]>;
