/** Moved to http/page.ts (with the pageLoad/formAction wrappers); kept for the routes that still call it. */
export { describeIssue, rethrowAsPageError } from '../http/page';
