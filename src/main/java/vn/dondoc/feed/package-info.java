/** Private calendar subscriptions (iCalendar feeds): each unit's open parts with their due dates, in any calendar app. */
package vn.dondoc.feed;
