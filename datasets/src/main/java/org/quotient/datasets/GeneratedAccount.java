package org.quotient.datasets;

/**
 * One generated account, in memory, with the values {@code accounts.csv} and {@code
 * ground_truth/true_potential.csv} hold for it (coordinates rounded to the file's 5 decimals).
 *
 * @param id account_id
 * @param parentAccountId parent_account_id, or null
 * @param segment enterprise, mid_market or smb
 * @param industry one of the generator's industries
 * @param employees head count
 * @param annualRevenue annual revenue (whole currency units)
 * @param lat latitude
 * @param lon longitude
 * @param countyFips county of the account
 * @param currentRepId last year's owner, or null for a new account (may be a rep who left)
 * @param lockedRepId the rep the account is locked to, or null
 * @param truePotential the hidden true annual potential
 */
public record GeneratedAccount(
    String id,
    String parentAccountId,
    String segment,
    String industry,
    int employees,
    long annualRevenue,
    double lat,
    double lon,
    String countyFips,
    String currentRepId,
    String lockedRepId,
    long truePotential) {}
