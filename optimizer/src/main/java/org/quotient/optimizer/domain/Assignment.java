package org.quotient.optimizer.domain;

/**
 * Where the plan puts one account.
 *
 * @param accountId the account
 * @param repId the rep who owns it in the plan
 * @param previousRepId the rep who owned it before (null for none)
 * @param moved true when repId differs from previousRepId (a new owner)
 * @param reason why: see {@link AssignmentReason}
 */
public record Assignment(
    String accountId, String repId, String previousRepId, boolean moved, AssignmentReason reason) {}
