/** Calling the contract exactly as the renderer does, through dispatch, in tests. */
import { dispatch } from '../../electron/services/handlers';
import type { ServiceContext } from '../../electron/services/context';
import type { ArgsOf, Method, ResultOf } from '../../shared/api';
import { rowsFromTable } from '../../shared/domain';
import type { ApiError } from '../../shared/result';

export function contractCaller(ctx: () => ServiceContext) {
  /** The result, or a thrown Error carrying the ApiError's code and message. */
  async function call<M extends Method>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
    const r = await dispatch(ctx(), method, args);
    if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
    return r.value as ResultOf<M>;
  }
  /** The ApiError of a call that must be refused. */
  async function refused<M extends Method>(method: M, args: ArgsOf<M>): Promise<ApiError> {
    const r = await dispatch(ctx(), method, args);
    if (r.ok) throw new Error(`${method} should have been refused`);
    return r.error;
  }
  /** Year Y's list as rows, read as the grid reads it. */
  async function list(year: number) {
    return rowsFromTable(await call('projects.list', { year }));
  }
  return { call, refused, list };
}
